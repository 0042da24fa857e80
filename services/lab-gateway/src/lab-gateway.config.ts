import { ServiceConfig } from '@qis/config';

export class LabGatewayConfig extends ServiceConfig {
  override HTTP_PORT = 7104;
  override DB_NAME = 'qis_lab_gateway';
}
