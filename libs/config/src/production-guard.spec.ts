import { IsOptional, IsString } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';
import { ForbiddenInProduction, RequiredInProduction, SecretInProduction } from './production-guard';
import { ObjectStoreConfig, ServiceConfig } from './service.config';

const DEV_SECRET = 'development-secret-not-for-production';

class GuardedConfig extends ObjectStoreConfig {
  @IsOptional()
  @IsString()
  @RequiredInProduction('evidence references are checked there')
  EVIDENCE_URL?: string = undefined;

  @IsString()
  @SecretInProduction()
  SERVICE_TOKEN_CLIENT_SECRET = DEV_SECRET;

  @IsOptional()
  @IsString()
  @ForbiddenInProduction('self-signed service tokens are for development')
  SERVICE_TOKEN_PRIVATE_KEY_FILE?: string = undefined;
}

/** A production environment every rule accepts. */
const good: Record<string, string> = {
  QIS_ENV: 'production',
  DB_PASSWORD: 'a-database-password-of-its-own',
  DB_MIGRATION_USER: 'qis_owner',
  DB_MIGRATION_PASSWORD: 'the-owner-password-of-its-own',
  METRICS_TOKEN: 'a-scrape-token-of-its-own',
  MINIO_ACCESS_KEY: 'qis',
  MINIO_SECRET_KEY: 'an-object-store-secret-of-its-own',
  AUTH_JWKS_URL: 'http://keycloak:8080/realms/qis/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://qis.example.gov.cn/auth/realms/qis',
  AUTH_AUDIENCE: 'qis-services',
  SWAGGER_ENABLED: 'false',
  EVIDENCE_URL: 'http://evidence:8080',
  SERVICE_TOKEN_CLIENT_SECRET: 'a-client-secret-of-its-own',
  KAFKA_SASL_USERNAME: 'qis-lab-gateway',
  KAFKA_SASL_PASSWORD: 'a-kafka-password-of-its-own',
};

const refusals = (env: Record<string, string | undefined>): string[] => {
  try {
    loadConfig(GuardedConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe('production guards', () => {
  it('starts with a complete production environment', () => {
    expect(refusals(good)).toEqual([]);
  });

  it('leaves development and test as they are', () => {
    const dev = {
      DB_PASSWORD: 'pw',
      MINIO_ACCESS_KEY: 'a',
      MINIO_SECRET_KEY: 'b',
      AUTH_PUBLIC_KEY_FILE: __filename,
    };
    expect(refusals(dev)).toEqual([]);
    expect(refusals({ ...dev, QIS_ENV: 'test', AUTH_ISSUER: 'qis-dev' })).toEqual([]);
  });

  it.each([
    [
      'a token key file',
      { AUTH_JWKS_URL: undefined, AUTH_PUBLIC_KEY_FILE: __filename },
      /AUTH_PUBLIC_KEY_FILE is set \(refused in production: .*AUTH_JWKS_URL/,
    ],
    [
      'the development issuer',
      { AUTH_ISSUER: 'qis-dev' },
      /AUTH_ISSUER="qis-dev" is refused in production: the development issuer/,
    ],
    [
      'no JWKS URL',
      { AUTH_JWKS_URL: undefined },
      /AUTH_JWKS_URL is missing \(required in production: the identity provider's key set/,
    ],
    [
      'no issuer check',
      { AUTH_ISSUER: '' },
      /AUTH_ISSUER is missing \(required in production: without it a token of any issuer/,
    ],
    [
      'no audience check',
      { AUTH_AUDIENCE: undefined },
      /AUTH_AUDIENCE is missing \(required in production: without it a token issued for another application/,
    ],
    [
      'Swagger on by default',
      { SWAGGER_ENABLED: undefined },
      /SWAGGER_ENABLED is true \(refused in production: .*SWAGGER_ALLOWED_IN_PRODUCTION=true/,
    ],
    [
      'EVIDENCE_URL unset where evidence is checked',
      { EVIDENCE_URL: undefined },
      /EVIDENCE_URL is missing \(required in production: evidence references are checked there\)/,
    ],
    [
      'a default secret',
      { SERVICE_TOKEN_CLIENT_SECRET: undefined },
      /SERVICE_TOKEN_CLIENT_SECRET is the development default \(refused in production/,
    ],
    ['an empty secret', { MINIO_SECRET_KEY: '' }, /MINIO_SECRET_KEY is missing/],
    [
      'a short secret',
      { DB_PASSWORD: 'qis' },
      /DB_PASSWORD is too short \(refused in production: at least 16 characters\)/,
    ],
    [
      'a self-signed service token key',
      { SERVICE_TOKEN_PRIVATE_KEY_FILE: '/run/qis/dev-jwt.key' },
      /SERVICE_TOKEN_PRIVATE_KEY_FILE is set \(refused in production: self-signed service tokens/,
    ],
    [
      'no Kafka principal',
      { KAFKA_SASL_USERNAME: undefined, KAFKA_SASL_PASSWORD: undefined },
      /KAFKA_SASL_USERNAME is missing \(required in production: without it the service connects without a principal of its own/,
    ],
    [
      'a Kafka principal without its password',
      { KAFKA_SASL_PASSWORD: '' },
      /KAFKA_SASL_PASSWORD is missing \(must be set with KAFKA_SASL_USERNAME/,
    ],
  ])('refuses %s, naming the variable and the reason', (_case, change, expected) => {
    const found = refusals({ ...good, ...change });
    expect(found.join('\n')).toMatch(expected);
  });

  it('allows Swagger only when explicitly allowed', () => {
    expect(refusals({ ...good, SWAGGER_ENABLED: 'true', SWAGGER_ALLOWED_IN_PRODUCTION: 'true' })).toEqual([]);
  });

  it('names every refusal at once, in one error, without echoing a secret', () => {
    let caught: unknown;
    try {
      loadConfig(GuardedConfig, {
        QIS_ENV: 'production',
        DB_PASSWORD: 'short-pw',
        MINIO_ACCESS_KEY: 'qis',
        MINIO_SECRET_KEY: 'an-object-store-secret-of-its-own',
        AUTH_PUBLIC_KEY_FILE: __filename,
        AUTH_ISSUER: 'qis-dev',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const { problems, message } = caught as ConfigError;
    expect(problems.map((p) => p.split(/[ =]/, 1)[0]).sort()).toEqual([
      'AUTH_AUDIENCE',
      'AUTH_ISSUER',
      'AUTH_JWKS_URL',
      'AUTH_PUBLIC_KEY_FILE',
      'DB_MIGRATION_USER',
      'DB_PASSWORD',
      'EVIDENCE_URL',
      'KAFKA_SASL_USERNAME',
      'METRICS_TOKEN',
      'SERVICE_TOKEN_CLIENT_SECRET',
      'SWAGGER_ENABLED',
    ]);
    expect(message).not.toContain('short-pw');
  });

  it('takes the Kafka password from a file instead, never both, and never echoes it', () => {
    const { KAFKA_SASL_PASSWORD: _password, ...withoutPassword } = good;
    expect(refusals({ ...withoutPassword, KAFKA_SASL_PASSWORD_FILE: __filename })).toEqual([]);
    const both = refusals({ ...good, KAFKA_SASL_PASSWORD_FILE: __filename }).join('\n');
    expect(both).toMatch(
      /KAFKA_SASL_PASSWORD_FILE=.* is invalid: set either KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE/,
    );
    const unreadable = refusals({
      ...withoutPassword,
      KAFKA_SASL_PASSWORD_FILE: '/nonexistent/kafka-password',
    });
    expect(unreadable.join('\n')).toMatch(/KAFKA_SASL_PASSWORD_FILE=.* is invalid: must be a readable file/);
    const badMechanism = refusals({
      ...good,
      KAFKA_SASL_MECHANISM: 'plain',
      KAFKA_SASL_USERNAME: 'bad user',
    });
    expect(badMechanism.join('\n')).toMatch(/KAFKA_SASL_MECHANISM="plain" is invalid/);
    expect(badMechanism.join('\n')).toMatch(/KAFKA_SASL_USERNAME="bad user" is invalid/);
    expect(badMechanism.join('\n')).not.toContain('a-kafka-password-of-its-own');
  });

  it('takes a Kafka CA file only with TLS on', () => {
    expect(refusals({ ...good, KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/etc/qis/kafka-ca/ca.crt' })).toEqual(
      [],
    );
    expect(refusals({ ...good, KAFKA_SSL_CA_FILE: '/etc/qis/kafka-ca/ca.crt' }).join('\n')).toMatch(
      /KAFKA_SSL_CA_FILE=.* is invalid: needs KAFKA_SSL=true/,
    );
  });

  it('names a variable its validator already refuses once', () => {
    const found = refusals({ ...good, DB_PASSWORD: '' });
    expect(found.filter((p) => p.startsWith('DB_PASSWORD'))).toHaveLength(1);
  });

  it('keeps a parent class free of its subclass rules', () => {
    class Plain extends ServiceConfig {}
    const plain = { ...good, EVIDENCE_URL: undefined, SERVICE_TOKEN_CLIENT_SECRET: undefined };
    expect(() => loadConfig(Plain, plain)).not.toThrow();
  });
});
