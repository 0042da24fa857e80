import { ConfigError, loadConfig } from '@qis/config';
import { EnforcementConfig } from '../enforcement.config';

/** A production environment enforcement accepts (ports nobody listens on). */
const production: Record<string, string> = {
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
  SERVICE_TOKEN_URL: 'http://keycloak:8080/realms/qis/protocol/openid-connect/token',
  SERVICE_TOKEN_CLIENT_ID: 'enforcement',
  SERVICE_TOKEN_CLIENT_SECRET: 'a-client-secret-of-its-own',
  KAFKA_SASL_USERNAME: 'qis-enforcement',
  KAFKA_SASL_PASSWORD: 'a-kafka-password-of-its-own',
};

const refusals = (env: Record<string, string>): string[] => {
  try {
    loadConfig(EnforcementConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
};

describe("enforcement's clock override", () => {
  it('refuses to start in production with CLOCK_OVERRIDE_ENABLED set, naming it', () => {
    expect(refusals(production)).toEqual([]);
    for (const value of ['true', 'false'])
      expect(refusals({ ...production, CLOCK_OVERRIDE_ENABLED: value })).toEqual([
        expect.stringMatching(/^CLOCK_OVERRIDE_ENABLED.*refused in production/),
      ]);
  });

  it('is allowed in development and test, and must be true or false', () => {
    const dev = {
      DB_PASSWORD: 'pw',
      MINIO_ACCESS_KEY: 'a',
      MINIO_SECRET_KEY: 'b',
      AUTH_PUBLIC_KEY_FILE: __filename,
    };
    expect(
      loadConfig(EnforcementConfig, { ...dev, CLOCK_OVERRIDE_ENABLED: 'true' }).CLOCK_OVERRIDE_ENABLED,
    ).toBe(true);
    expect(
      loadConfig(EnforcementConfig, { ...dev, QIS_ENV: 'test', CLOCK_OVERRIDE_ENABLED: 'true' })
        .CLOCK_OVERRIDE_ENABLED,
    ).toBe(true);
    expect(refusals({ ...dev, CLOCK_OVERRIDE_ENABLED: 'yes' })).toEqual([
      expect.stringContaining('CLOCK_OVERRIDE_ENABLED'),
    ]);
  });
});
