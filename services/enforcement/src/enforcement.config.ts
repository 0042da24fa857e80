import { ServiceConfig } from '@qis/config';

export class EnforcementConfig extends ServiceConfig {
  override HTTP_PORT = 7105;
  override DB_NAME = 'qis_enforcement';
}
