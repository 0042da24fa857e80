import 'reflect-metadata';
import './tracing';
import { bootstrapInWorkers } from '@qis/runtime';
import { labGatewayService } from './lab-gateway.definition';

bootstrapInWorkers(labGatewayService, (config) => config.HTTP_WORKERS).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'lab-gateway', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
