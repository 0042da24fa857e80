import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { planningService } from './planning.definition';

bootstrapService(planningService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'planning', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
