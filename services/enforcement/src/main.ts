import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { enforcementService } from './enforcement.definition';

bootstrapService(enforcementService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'enforcement', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
