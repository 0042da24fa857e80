import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { evidenceService } from './evidence.definition';

bootstrapService(evidenceService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'evidence', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
