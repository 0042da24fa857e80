import { ObjectStoreConfig } from '@qis/config';
import { MIN_RETENTION_YEARS } from '@qis/storage';
import { Transform } from 'class-transformer';
import { IsInt, Matches, Min } from 'class-validator';

export class EvidenceConfig extends ObjectStoreConfig {
  override HTTP_PORT = 7103;
  override DB_NAME = 'qis_evidence';

  @Matches(/^[a-z0-9][a-z0-9.-]{2,62}$/, { message: 'must be a valid S3 bucket name' })
  EVIDENCE_BUCKET = 'qis-evidence';

  /** Default object-lock retention of evidence, in years; the rules require at least two. */
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(MIN_RETENTION_YEARS, {
    message: `must be at least ${MIN_RETENTION_YEARS} (years of evidence retention)`,
  })
  EVIDENCE_RETENTION_YEARS = MIN_RETENTION_YEARS;
}
