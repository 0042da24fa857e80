import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { AREA_CODE } from '@qis/contracts';
import { envInt, ServiceConfig } from '@qis/config';

export class PlanningConfig extends ServiceConfig {
  override HTTP_PORT = 7101;
  override DB_NAME = 'qis_planning';

  /** Prefix of this bureau's batch numbers (`HZ2026-000123`). */
  @Matches(/^[A-Z]{2,4}$/, { message: 'must be 2 to 4 upper-case letters, e.g. HZ' })
  PLANNING_BUREAU_CODE = 'HZ';

  /** GB/T 2260 code of the bureau's city: the scope rule (who this bureau may sample) is drawn from it. */
  @Matches(AREA_CODE, { message: 'must be a GB/T 2260 city code, e.g. 330100' })
  @Matches(/^\d{4}00$/, { message: 'must be a city-level code (ending in 00), e.g. 330100' })
  PLANNING_BUREAU_AREA_CODE = '330100';

  /** Rows per statement of a bulk import (one multi-row upsert each). */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  @Max(20_000)
  PLANNING_IMPORT_BATCH_ROWS = 2_000;

  /** Concurrent upsert statements of one bulk import (each listing always on the same one, in order). */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(8)
  PLANNING_IMPORT_WRITERS = 2;
}
