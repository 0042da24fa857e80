import { ServiceConfig } from '@qis/config';

export class PlanningConfig extends ServiceConfig {
  override HTTP_PORT = 7101;
  override DB_NAME = 'qis_planning';
}
