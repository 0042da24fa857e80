import 'reflect-metadata';
import './tracing';
import { bootstrapService } from '@qis/runtime';
import { labGatewayService } from './lab-gateway.definition';

bootstrapService(labGatewayService).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'lab-gateway', msg: 'failed to start', err: String(error) })}\n`,
  );
  process.exit(1);
});
