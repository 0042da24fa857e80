import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min, ValidateBy } from 'class-validator';
import { envInt, RequiredInProduction, SecretInProduction, ServiceConfig } from '@qis/config';
import { parseIdentityKeyRing } from './identity/identity-key-ring';

/** The key ring parses and holds the active key; messages never echo key material. */
const IsIdentityKeyRing = (): PropertyDecorator =>
  ValidateBy({
    name: 'identityKeyRing',
    validator: {
      validate: (value: unknown, args) => {
        if (typeof value !== 'string') return false;
        const { keys, problems } = parseIdentityKeyRing(value);
        const active = (args?.object as { PURCHASING_ACTIVE_KEY_ID?: string }).PURCHASING_ACTIVE_KEY_ID;
        return problems.length === 0 && keys.some((k) => k.kid === active);
      },
      defaultMessage: (args) => {
        if (typeof args?.value !== 'string')
          return 'must be set: kid:<base64 of 32 random bytes>[,kid:…] (AES-256-GCM key ring)';
        const { keys, problems } = parseIdentityKeyRing(args.value);
        if (problems.length > 0) return problems.join('; ');
        const active = (args.object as { PURCHASING_ACTIVE_KEY_ID?: string }).PURCHASING_ACTIVE_KEY_ID;
        return `holds no key with PURCHASING_ACTIVE_KEY_ID ${JSON.stringify(active)} (has ${keys
          .map((k) => k.kid)
          .join(', ')})`;
      },
    },
  });

export class PurchasingConfig extends ServiceConfig {
  override HTTP_PORT = 7102;
  override DB_NAME = 'qis_purchasing';

  /**
   * Key ring for buyer identities (AES-256-GCM): `kid:<base64 32 bytes>[,kid:…]`. Old keys stay
   * in the ring until a rotation has re-encrypted every value. (The name ends in KEY so boot
   * errors redact it.)
   */
  @IsIdentityKeyRing()
  @SecretInProduction(44)
  PURCHASING_IDENTITY_KEY!: string;

  /**
   * HMAC-SHA256 key of the blind index on buyers' ID numbers (base64 of 32 bytes): finds a second
   * registration of the same ID number without decrypting. Never rotated by the identity key
   * rotation; changing it means recomputing every index. (The name ends in KEY so boot errors redact it.)
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'must be set: base64 of 32 random bytes (openssl rand -base64 32)',
  })
  @SecretInProduction(44)
  PURCHASING_BLIND_INDEX_KEY!: string;

  /** The key id new values are encrypted with, and rotation re-encrypts to. */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be the key id of a key in PURCHASING_IDENTITY_KEY' })
  PURCHASING_ACTIVE_KEY_ID!: string;

  /** A seller never sees the same shopping account or address twice within this many purchases. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  PURCHASING_ROTATION_WINDOW = 10;

  /** Open tasks a buyer may hold at once. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(100)
  PURCHASING_MAX_OPEN_TASKS = 5;

  /** Time a buyer has to record the order before the batch is reassigned (default 48 h). */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  PURCHASING_ASSIGNMENT_TIMEOUT_SECONDS = 48 * 3600;

  /** How often the scheduler looks for overdue assignments and unassigned batches. */
  @Transform(envInt)
  @IsInt()
  @Min(100)
  PURCHASING_SCHEDULER_INTERVAL_MS = 30_000;

  /** Rows re-encrypted per transaction during a key rotation. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  PURCHASING_REKEY_BATCH_SIZE = 500;

  /**
   * Base URL of the evidence service; when set, completing a purchase verifies every evidence item
   * there (exists, finalized, kind, batch) with the buyer's own token.
   */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @RequiredInProduction(
    "without it a purchase completes with evidence nobody checked (the evidence service's base URL)",
  )
  EVIDENCE_URL?: string = undefined;
}
