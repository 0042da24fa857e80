import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { disclosureService } from './disclosure.definition';

bootstrapService(disclosureService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'disclosure', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
