import { envInt, ServiceConfig } from '@qis/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class EnforcementConfig extends ServiceConfig {
  override HTTP_PORT = 7105;
  override DB_NAME = 'qis_enforcement';

  /** How often the deadline scheduler looks for deadlines that passed. */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(100)
  @Max(3_600_000)
  DEADLINE_SCAN_INTERVAL_MS = 60_000;

  /** JSON file of the authority directory (homeAreaCode + authorities); unset: Hangzhou's built-in one. */
  @IsOptional()
  @IsString()
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  AUTHORITY_DIRECTORY_FILE?: string = undefined;

  /** Calendar days an authority has to close a routed case before an overdue alert. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(365)
  CASE_DUE_DAYS = 30;
}
