import { envInt, ObjectStoreConfig, RequiredInProduction } from '@qis/config';
import { DEFAULT_CJK_FONT_FILE } from '@qis/documents';
import { MIN_RETENTION_YEARS } from '@qis/storage';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';

const DEV_PSEUDONYM_KEY = 'qis-development-pseudonym-key-not-for-production';

export class EvidenceConfig extends ObjectStoreConfig {
  override HTTP_PORT = 7103;
  override DB_NAME = 'qis_evidence';
  /**
   * A finalize names up to 10,000 parts (S3's most) at about 60 bytes each: 100 KB refused a
   * multipart upload of more than about 1,600 parts with 413 (found by fuzzing).
   */
  override HTTP_BODY_LIMIT_KB = 1024;

  @Matches(/^[a-z0-9][a-z0-9.-]{2,62}$/, { message: 'must be a valid S3 bucket name' })
  EVIDENCE_BUCKET = 'qis-evidence';

  /** Default object-lock retention of evidence, in years; the rules require at least two. */
  @Transform(envInt)
  @IsInt()
  @Min(MIN_RETENTION_YEARS, {
    message: `must be at least ${MIN_RETENTION_YEARS} (years of evidence retention)`,
  })
  EVIDENCE_RETENTION_YEARS = MIN_RETENTION_YEARS;

  /** COMPLIANCE always; GOVERNANCE (deletable with a bypass) only so test buckets can be cleaned up. */
  @IsIn(['COMPLIANCE', 'GOVERNANCE'])
  @ValidateBy({
    name: 'complianceOutsideTests',
    validator: {
      validate: (value: unknown, args) =>
        value === 'COMPLIANCE' || (args?.object as EvidenceConfig).QIS_ENV === 'test',
      defaultMessage: () => 'must be COMPLIANCE (GOVERNANCE is allowed only when QIS_ENV=test)',
    },
  })
  EVIDENCE_LOCK_MODE: 'COMPLIANCE' | 'GOVERNANCE' = 'COMPLIANCE';

  /** Uploads above this size go multipart, in parts of this size (S3 allows 5 MiB to 5 GiB). */
  @Transform(envInt)
  @IsInt()
  @Min(5)
  @Max(5120)
  EVIDENCE_PART_SIZE_MB = 64;

  /** Largest object accepted (a long unpacking video). */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_OBJECT_MB = 50 * 1024;

  /** Lifetime of presigned upload URLs: short; an upload that outlives them renews them. */
  @Transform(envInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  EVIDENCE_UPLOAD_URL_TTL_SECONDS = 900;

  /**
   * A multipart announcement that declares no parts (the 2.0.0 flow: part URLs signed for their
   * size only): `allow` while clients of that release remain, `refuse` (422 naming `parts`) once
   * every uploader declares its parts' SHA-256. It goes away with 3.0.0.
   */
  @IsIn(['allow', 'refuse'])
  EVIDENCE_UNDECLARED_PARTS: 'allow' | 'refuse' = 'allow';

  /**
   * Unlocked bucket the uploads land in before they are verified and copied into the locked one
   * (default: the evidence bucket's name + `-staging`). Nothing there is evidence yet: the service
   * creates it with a lifecycle rule that expires what is left after EVIDENCE_STAGING_EXPIRY_DAYS.
   */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{2,62}$/, { message: 'must be a valid S3 bucket name' })
  EVIDENCE_STAGING_BUCKET?: string = undefined;

  /** Days after which an upload never finalized is removed from the staging bucket. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(30)
  EVIDENCE_STAGING_EXPIRY_DAYS = 1;

  /**
   * Per uploader: bytes announced and not yet finalized (uploads of the last staging-expiry days).
   * Above it `POST /evidence/uploads` answers 429 naming the limit. At least one largest object.
   */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  EVIDENCE_QUOTA_IN_FLIGHT_MB = 60 * 1024;

  /** Per uploader: bytes announced in the last 24 hours (stored, rejected or pending alike). */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  EVIDENCE_QUOTA_DAILY_MB = 200 * 1024;

  /**
   * How long `POST …/finalize` without `Prefer: respond-async` waits for the background check to
   * end before it answers 202 with the status to poll (small files end well within it).
   */
  @Transform(envInt)
  @IsInt()
  @Min(0)
  @Max(120)
  EVIDENCE_FINALIZE_WAIT_SECONDS = 20;

  /** The staging bucket's name. */
  get stagingBucket(): string {
    return this.EVIDENCE_STAGING_BUCKET ?? `${this.EVIDENCE_BUCKET.slice(0, 55)}-staging`;
  }

  /** Lifetime of presigned download URLs: short, each one is audited. */
  @Transform(envInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  EVIDENCE_DOWNLOAD_URL_TTL_SECONDS = 300;

  /** Font with Chinese glyphs embedded in work orders, notices and labels. */
  @IsString()
  @IsNotEmpty()
  DOCUMENTS_CJK_FONT_FILE = DEFAULT_CJK_FONT_FILE;

  /**
   * Key of the HMAC that turns login subjects into pseudonyms (uploaders, the unpacking's buyer).
   * The development default is refused in production.
   */
  @IsString()
  @MinLength(32)
  @ValidateBy({
    name: 'ownKeyInProduction',
    validator: {
      validate: (value: unknown, args) =>
        value !== DEV_PSEUDONYM_KEY || (args?.object as EvidenceConfig).QIS_ENV !== 'production',
      defaultMessage: () => 'must be set to a secret of at least 32 characters in production',
    },
  })
  EVIDENCE_PSEUDONYM_KEY = DEV_PSEUDONYM_KEY;

  /**
   * GB/T 2260 area of the sampling bureau: its officers read the evidence of every batch; a district
   * officer only of batches routed (or copied) to their district.
   */
  @Matches(/^[1-9][0-9]{5}$/, { message: 'must be a 6-digit GB/T 2260 area code' })
  EVIDENCE_BUREAU_AREA_CODE = '330100';

  /**
   * RFC 3161 time-stamping authority that stamps the custody chain's checkpoints (POST of an
   * application/timestamp-query). Locally deploy/local starts one (openssl ts); in production the
   * bureau's or a qualified TSA's URL.
   */
  @RequiredInProduction(
    'without it the custody chain has no timestamped checkpoints, and a cut tail or a rewritten chain goes unseen',
  )
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  EVIDENCE_TSA_URL?: string = undefined;

  /** PEM file of the TSA certificate(s) to trust (the TSA's own, or its CA). */
  @RequiredInProduction("without it the TSA's tokens cannot be verified")
  @IsOptional()
  @IsString()
  EVIDENCE_TSA_CERT_FILE?: string = undefined;

  /** How often the custody chain's head is checkpointed (when it moved since the last checkpoint). */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  EVIDENCE_CHECKPOINT_INTERVAL_MINUTES = 60;

  /** The bureau named on documents (落款). */
  @IsString()
  @IsNotEmpty()
  EVIDENCE_ISSUER_NAME = '杭州市市场监督管理局';
}
