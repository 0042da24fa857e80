import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { envInt, ServiceConfig } from '@qis/config';

export class LabGatewayConfig extends ServiceConfig {
  override HTTP_PORT = 7104;
  override DB_NAME = 'qis_lab_gateway';

  /** How often the overdue scan looks for assignments past their due date. */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OVERDUE_SCAN_INTERVAL_MS = 60_000;
}
