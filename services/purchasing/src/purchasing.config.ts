import { ServiceConfig } from '@qis/config';

export class PurchasingConfig extends ServiceConfig {
  override HTTP_PORT = 7102;
  override DB_NAME = 'qis_purchasing';
}
