import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { purchasingService } from './purchasing.definition';

bootstrapService(purchasingService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'purchasing', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
