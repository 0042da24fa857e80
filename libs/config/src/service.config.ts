import { accessSync, constants } from 'node:fs';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  MinLength,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';
import { ForbiddenInProduction, RequiredInProduction, SecretInProduction } from './production-guard';
import { TracingConfig } from './tracing.config';

/** `@Transform(envInt)`: an integer variable arrives as a string; anything else is left for the validator to name. */
export const envInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
/** `@Transform(envBool)`: `true`/`false` only; anything else is left for the validator to name. */
export const envBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

const readable = (path: string): boolean => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/** The token key source: exactly one of a public key file or a JWKS URL; a file must be readable. */
const OneKeySource = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'oneKeySource',
      validator: {
        validate: (value: unknown, args) => {
          const jwks = (args?.object as { AUTH_JWKS_URL?: string }).AUTH_JWKS_URL;
          if (value === undefined) return Boolean(jwks);
          return !jwks && typeof value === 'string' && readable(value);
        },
        defaultMessage: (args) =>
          (args?.object as { AUTH_JWKS_URL?: string }).AUTH_JWKS_URL && args?.value !== undefined
            ? 'set either AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL, not both'
            : args?.value === undefined
              ? 'must be set (a PEM public key file), or AUTH_JWKS_URL must be'
              : 'must be a readable file (PEM public key)',
      },
    },
    options,
  );

/** A readable password file, and not beside KAFKA_SASL_PASSWORD. */
const KafkaPasswordFile = (): PropertyDecorator =>
  ValidateBy({
    name: 'kafkaPasswordFile',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as { KAFKA_SASL_PASSWORD?: string }).KAFKA_SASL_PASSWORD === undefined &&
        typeof value === 'string' &&
        readable(value),
      defaultMessage: (args) =>
        (args?.object as { KAFKA_SASL_PASSWORD?: string }).KAFKA_SASL_PASSWORD !== undefined
          ? 'set either KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both'
          : 'must be a readable file (the Kafka password)',
    },
  });

/** A CA file means TLS: without KAFKA_SSL=true it would be ignored. */
const NeedsKafkaSsl = (): PropertyDecorator =>
  ValidateBy({
    name: 'needsKafkaSsl',
    validator: {
      validate: (_value: unknown, args) => (args?.object as { KAFKA_SSL?: boolean }).KAFKA_SSL === true,
      defaultMessage: () => 'needs KAFKA_SSL=true',
    },
  });

/**
 * The environment every service reads (with the tracing variables of `TracingConfig`). Each service
 * extends it with its own defaults (HTTP port, database name) and its own variables.
 */
export class ServiceConfig extends TracingConfig {
  @IsIn(['development', 'test', 'production'])
  QIS_ENV = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '127.0.0.1';

  @Transform(envInt)
  @IsInt({ message: 'must be an integer port between 1 and 65535' })
  @Min(1)
  @Max(65535)
  HTTP_PORT = 7100;

  /**
   * Bearer token Prometheus sends to scrape GET /metrics. Unset, /metrics is open (development and
   * tests on the loopback); required in production.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  @RequiredInProduction(
    'without it anyone who reaches the service reads its metrics; a scrape token of its own',
  )
  METRICS_TOKEN?: string = undefined;

  /**
   * Longest a request may take to arrive in full, its body included (Node's `requestTimeout`,
   * whose default is this 5 minutes); past it the connection is closed with 408. Slow headers are
   * cut after a minute whatever this says. A service that takes long uploads raises it (planning's
   * bulk import of the data pool).
   */
  @Transform(envInt)
  @IsInt()
  @Min(1_000)
  HTTP_REQUEST_TIMEOUT_MS = 300_000;

  /**
   * How long an idle kept-alive HTTP connection stays open (Node's `keepAliveTimeout`, whose default
   * is 5 s). It must outlast the idle timeout of whatever keeps connections to the service: the
   * Ingress controller's upstream pool (ingress-nginx keeps them 60 s), a lab's HTTP client pool.
   * Shorter, the service closes a connection just as the other side sends on it, and that request
   * fails (nginx answers 502, a client sees "other side closed"). At shutdown it drops to nothing,
   * so a connection still answering closes after its answer.
   */
  @Transform(envInt)
  @IsInt()
  @Min(1_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** Largest JSON or URL-encoded request body; a larger one answers 413. Streamed uploads are not parsed. */
  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(100 * 1024)
  HTTP_BODY_LIMIT_KB = 100;

  @IsString()
  @IsNotEmpty()
  DB_HOST = '127.0.0.1';

  @Transform(envInt)
  @IsInt({ message: 'must be an integer port between 1 and 65535' })
  @Min(1)
  @Max(65535)
  DB_PORT = 15432;

  @IsString()
  @IsNotEmpty()
  DB_USER = 'qis_app';

  @IsString({ message: 'must be set (the database password)' })
  @IsNotEmpty()
  @SecretInProduction()
  DB_PASSWORD!: string;

  /**
   * The role that owns the service's tables and runs its migrations. Set, the service migrates as
   * this role, grants DB_USER what it needs (on its append-only ledgers SELECT and INSERT only) and
   * runs as DB_USER, which then cannot alter, drop or disable the triggers of any table. Unset,
   * DB_USER does both (development only).
   */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @RequiredInProduction(
    'without it the runtime role owns its tables and could rewrite its audit and custody ledgers; a role of its own that owns them and runs the migrations',
  )
  DB_MIGRATION_USER?: string = undefined;

  /** DB_MIGRATION_USER's password. */
  @IsOptional()
  @IsString()
  DB_MIGRATION_PASSWORD?: string = undefined;

  /**
   * With DB_MIGRATION_USER set: migrate (and grant) at every start. `false` where a separate step
   * migrates before the rollout (`main.js --migrate-only`, the Helm chart's pre-upgrade Job): the
   * service then needs no owner password, and refuses to start while a migration is pending.
   */
  @Transform(envBool)
  @IsBoolean({ message: 'must be true or false' })
  DB_MIGRATE_AT_START = true;

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  DB_NAME = 'qis';

  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /**
   * Whether a service that opts into prepared statements (the lab gateway) uses them. Turn off
   * behind a connection pooler in transaction mode that does not track prepared statements
   * (PgBouncer before 1.21, or without max_prepared_statements): a statement prepared on one
   * server connection is unknown on the next.
   */
  @Transform(envBool)
  @IsBoolean()
  DB_PREPARED_STATEMENTS = true;

  /** PostgreSQL cancels a statement of the service's sessions running longer (0 = no limit; migrations have none). */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds, or 0 for no limit' })
  @Min(0)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /** PostgreSQL ends a session whose transaction stays idle longer, releasing its locks (0 = no limit). */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds, or 0 for no limit' })
  @Min(0)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:19094';

  /**
   * SASL mechanism of the service's own Kafka principal (KAFKA_SASL_USERNAME); Strimzi's KafkaUsers
   * are SCRAM-SHA-512, and so are the local stack's. Unset username: no SASL (a broker without it).
   */
  @IsIn(['scram-sha-512', 'scram-sha-256'])
  KAFKA_SASL_MECHANISM = 'scram-sha-512';

  /** The service's Kafka principal (`qis-<service>`, tools/kafka-acl/kafka-plan.ts); required in production. */
  @ValidateIf(
    (config: ServiceConfig) =>
      config.KAFKA_SASL_USERNAME !== undefined ||
      config.KAFKA_SASL_PASSWORD !== undefined ||
      config.KAFKA_SASL_PASSWORD_FILE !== undefined,
  )
  @Matches(/^[a-zA-Z0-9._-]{1,120}$/, {
    message: 'must be a Kafka user name (letters, digits, dot, underscore, dash), set with its password',
  })
  @RequiredInProduction(
    'without it the service connects without a principal of its own, and the broker cannot hold it to the topics it owns',
  )
  KAFKA_SASL_USERNAME?: string = undefined;

  /** KAFKA_SASL_USERNAME's password; or KAFKA_SASL_PASSWORD_FILE. Never logged. */
  @ValidateIf(
    (config: ServiceConfig) =>
      config.KAFKA_SASL_USERNAME !== undefined && config.KAFKA_SASL_PASSWORD_FILE === undefined,
  )
  @IsString({ message: 'must be set with KAFKA_SASL_USERNAME (or KAFKA_SASL_PASSWORD_FILE)' })
  KAFKA_SASL_PASSWORD?: string = undefined;

  /** A file holding KAFKA_SASL_USERNAME's password (a mounted Secret), instead of KAFKA_SASL_PASSWORD. */
  @IsOptional()
  @KafkaPasswordFile()
  KAFKA_SASL_PASSWORD_FILE?: string = undefined;

  /** TLS to the brokers (SASL_SSL); the deployment's CA in KAFKA_SSL_CA_FILE, else the system's. */
  @Transform(envBool)
  @IsBoolean({ message: 'must be true or false' })
  KAFKA_SSL = false;

  /** PEM file of the CA that signed the brokers' certificates (Strimzi: the cluster CA); needs KAFKA_SSL=true. */
  @IsOptional()
  @Matches(/^\//, { message: "must be an absolute path (PEM file of the brokers' CA)" })
  @NeedsKafkaSsl()
  KAFKA_SSL_CA_FILE?: string = undefined;

  /** Prepended to every topic name; lets tests and parallel environments share one broker. */
  @Matches(/^[a-zA-Z0-9._-]{0,60}$/, {
    message: 'may contain only letters, digits, dot, underscore and dash',
  })
  KAFKA_TOPIC_PREFIX = '';

  /** Consumer group; empty means `<KAFKA_TOPIC_PREFIX>qis-<service>`. Instances of one service share it. */
  @Matches(/^[a-zA-Z0-9._-]{0,120}$/, {
    message: 'may contain only letters, digits, dot, underscore and dash',
  })
  KAFKA_CONSUMER_GROUP = '';

  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(64)
  KAFKA_TOPIC_PARTITIONS = 3;

  @Transform(envInt)
  @IsInt()
  @Min(1)
  @Max(5)
  KAFKA_REPLICATION_FACTOR = 1;

  /** retention.ms of the topics a service creates; -1 keeps messages forever. Default 30 days. */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds, or -1 for no limit' })
  @Min(-1)
  KAFKA_TOPIC_RETENTION_MS = 30 * 24 * 3_600_000;

  /** retention.ms of dead-letter topics: kept until an operator has dealt with them. Default: forever. */
  @Transform(envInt)
  @IsInt({ message: 'must be an integer number of milliseconds, or -1 for no limit' })
  @Min(-1)
  KAFKA_DLQ_RETENTION_MS = -1;

  @Transform(envBool)
  @IsBoolean({ message: 'must be true or false' })
  SWAGGER_ENABLED = true;

  /** Production refuses SWAGGER_ENABLED=true unless this says it is wanted (the API description is public). */
  @Transform(envBool)
  @IsBoolean({ message: 'must be true or false' })
  SWAGGER_ALLOWED_IN_PRODUCTION = false;

  /** PEM (SPKI) public key that signs bearer tokens; the local infra makes one (development issuer). */
  @OneKeySource()
  @ForbiddenInProduction(
    "a key file is the development issuer's; verify tokens against the identity provider's AUTH_JWKS_URL",
  )
  AUTH_PUBLIC_KEY_FILE?: string = undefined;

  /** JWKS URL of an OIDC provider (Keycloak: `<realm>/protocol/openid-connect/certs`), instead of a key file. */
  @ValidateIf((config: ServiceConfig) => config.AUTH_JWKS_URL !== undefined)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @RequiredInProduction("the identity provider's key set, e.g. <realm>/protocol/openid-connect/certs")
  AUTH_JWKS_URL?: string = undefined;

  /** Required `iss` of tokens; empty = not checked. */
  @IsOptional()
  @IsString()
  @RequiredInProduction("without it a token of any issuer the key set signs is accepted; the realm's URL")
  AUTH_ISSUER?: string = undefined;

  /** Required `aud` of tokens; empty = not checked. */
  @IsOptional()
  @IsString()
  @RequiredInProduction('without it a token issued for another application is accepted')
  AUTH_AUDIENCE?: string = undefined;

  /**
   * A second trusted issuer beside the key source above: the OIDC provider the staff console signs
   * in with (Keycloak: `<base>/realms/qis`). Tokens are routed by their exact `iss`; needs
   * AUTH_ISSUER and AUTH_OIDC_JWKS_URL.
   */
  @ValidateIf(
    (config: ServiceConfig) =>
      config.AUTH_OIDC_ISSUER !== undefined || config.AUTH_OIDC_JWKS_URL !== undefined,
  )
  @IsNotEmpty({ message: 'must be set when AUTH_OIDC_JWKS_URL is' })
  AUTH_OIDC_ISSUER?: string = undefined;

  /** JWKS of the AUTH_OIDC_ISSUER (Keycloak: `<issuer>/protocol/openid-connect/certs`). */
  @ValidateIf(
    (config: ServiceConfig) =>
      config.AUTH_OIDC_ISSUER !== undefined || config.AUTH_OIDC_JWKS_URL !== undefined,
  )
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be the http(s) URL of the AUTH_OIDC_ISSUER key set' },
  )
  AUTH_OIDC_JWKS_URL?: string = undefined;

  /** Clock skew allowed when checking `exp` and `nbf`. */
  @Transform(envInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AUTH_CLOCK_TOLERANCE_SECONDS = 5;

  /** Relay this service's outbox to Kafka. Off only to hold events back (maintenance, tests). */
  @Transform(envBool)
  @IsBoolean({ message: 'must be true or false' })
  OUTBOX_RELAY_ENABLED = true;
}

/** MinIO / S3 settings, for the services that hold objects. */
export class ObjectStoreConfig extends ServiceConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  MINIO_ENDPOINT = 'http://127.0.0.1:19000';

  @IsString({ message: 'must be set (the object store access key)' })
  @IsNotEmpty()
  MINIO_ACCESS_KEY!: string;

  @IsString({ message: 'must be set (the object store secret key)' })
  @IsNotEmpty()
  @SecretInProduction()
  MINIO_SECRET_KEY!: string;

  @IsString()
  @IsNotEmpty()
  MINIO_REGION = 'us-east-1';
}
