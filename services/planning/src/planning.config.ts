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

  /**
   * A bulk import of the data pool is one request: ten million listings (3.2 GB of CSV) take
   * longer to stream in than Node's default 5 minutes, which cut the import off (found at 10M).
   */
  override HTTP_REQUEST_TIMEOUT_MS = 3_600_000;

  /** Rows of a bulk import merged into `listing` at a time (each chunk is committed on its own). */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  PLANNING_IMPORT_CHUNK_ROWS = 50_000;

  /**
   * Longest record of a bulk import (UTF-8 bytes; a CSV record may span lines): a longer one — a
   * quote never closed, a missing line break — is a bad row, skipped without being held in memory.
   */
  @Transform(envInt)
  @IsInt()
  @Min(1_024)
  @Max(16 * 1024 * 1024)
  PLANNING_IMPORT_MAX_RECORD_BYTES = 64 * 1024;

  /**
   * Connections a selection scores its categories on at once (one category each at a time), all
   * reading the selection's snapshot: PostgreSQL's cores, not one, score a plan over the pool.
   */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PLANNING_SELECTION_CONNECTIONS = 2;

  /**
   * Longest a selection's statement for one category may run (ms), in place of DB_STATEMENT_TIMEOUT_MS:
   * a category of a data pool of tens of millions of listings takes longer than a request's statement.
   */
  @Transform(envInt)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  PLANNING_SELECTION_STATEMENT_TIMEOUT_MS = 600_000;
}
