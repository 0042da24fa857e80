import { ServiceConfig } from '@qis/config';

export class DisclosureConfig extends ServiceConfig {
  override HTTP_PORT = 7106;
  override DB_NAME = 'qis_disclosure';
}
