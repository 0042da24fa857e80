import { loadConfig } from '@qis/config';
import { EvidenceConfig } from './evidence.config';

const base = {
  MINIO_ACCESS_KEY: 'k',
  MINIO_SECRET_KEY: 's',
  DB_PASSWORD: 'p',
  AUTH_JWKS_URL: 'https://sso.example.gov.cn/certs',
};

describe('evidence config', () => {
  it('refuses GOVERNANCE object lock outside tests', () => {
    expect(() =>
      loadConfig(EvidenceConfig, { ...base, QIS_ENV: 'production', EVIDENCE_LOCK_MODE: 'GOVERNANCE' }),
    ).toThrow(/EVIDENCE_LOCK_MODE.*GOVERNANCE is allowed only when QIS_ENV=test/s);
  });

  it('allows GOVERNANCE for throwaway test buckets', () => {
    expect(
      loadConfig(EvidenceConfig, { ...base, QIS_ENV: 'test', EVIDENCE_LOCK_MODE: 'GOVERNANCE' })
        .EVIDENCE_LOCK_MODE,
    ).toBe('GOVERNANCE');
  });

  it('refuses a retention below two years', () => {
    expect(() => loadConfig(EvidenceConfig, { ...base, EVIDENCE_RETENTION_YEARS: '1' })).toThrow(
      /EVIDENCE_RETENTION_YEARS/,
    );
  });

  it('defaults to COMPLIANCE and two years', () => {
    const config = loadConfig(EvidenceConfig, base);
    expect([config.EVIDENCE_LOCK_MODE, config.EVIDENCE_RETENTION_YEARS]).toEqual(['COMPLIANCE', 2]);
  });

  it('refuses the development pseudonym key in production, naming the variable', () => {
    expect(() => loadConfig(EvidenceConfig, { ...base, QIS_ENV: 'production' })).toThrow(
      /EVIDENCE_PSEUDONYM_KEY.*must be set to a secret/s,
    );
    expect(
      loadConfig(EvidenceConfig, {
        ...base,
        // What the production guards of @qis/config ask beyond this key.
        DB_PASSWORD: 'p'.repeat(16),
        MINIO_SECRET_KEY: 's'.repeat(16),
        AUTH_ISSUER: 'https://sso.example.gov.cn/realms/qis',
        AUTH_AUDIENCE: 'qis',
        SWAGGER_ENABLED: 'false',
        DB_MIGRATION_USER: 'qis_owner',
        METRICS_TOKEN: 'm'.repeat(16),
        KAFKA_SASL_USERNAME: 'qis-evidence',
        KAFKA_SASL_PASSWORD: 'k'.repeat(16),
        EVIDENCE_TSA_URL: 'https://tsa.example.gov.cn/tsr',
        EVIDENCE_TSA_CERT_FILE: '/etc/qis/tsa-trust.pem',
        QIS_ENV: 'production',
        EVIDENCE_PSEUDONYM_KEY: 'k'.repeat(32),
      }).EVIDENCE_PSEUDONYM_KEY,
    ).toHaveLength(32);
  });
});
