import type { FactoryProvider } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';
import { EvidenceClient } from './evidence-client';
import { evidenceClientProvider } from './evidence-client.provider';

const build = (env: Partial<EnforcementConfig>): unknown =>
  (evidenceClientProvider as FactoryProvider).useFactory(Object.assign(new EnforcementConfig(), env));

describe('the evidence client enforcement stores notice PDFs with', () => {
  const url = { EVIDENCE_URL: 'http://127.0.0.1:7103' };
  const key = { SERVICE_TOKEN_PRIVATE_KEY_FILE: '/keys/dev-jwt.key' };
  const grant = {
    SERVICE_TOKEN_URL: 'https://sso.example.gov.cn/realms/qis/protocol/openid-connect/token',
    SERVICE_TOKEN_CLIENT_ID: 'qis-enforcement',
    SERVICE_TOKEN_CLIENT_SECRET: 'from-the-environment',
  };

  it('takes a client-credentials grant in production, never a self-signed token', () => {
    expect(build({ QIS_ENV: 'production' })).toBeNull();
    expect(() => build({ QIS_ENV: 'production', ...url })).toThrow(/no service token is configured/);
    expect(() => build({ QIS_ENV: 'production', ...url, ...key })).toThrow(/production uses a token URL/);
    expect(build({ QIS_ENV: 'production', ...url, ...grant })).toBeInstanceOf(EvidenceClient);
  });

  it('is off in development and test unless both the URL and a token source are set', () => {
    expect(build({ QIS_ENV: 'development' })).toBeNull();
    expect(build({ QIS_ENV: 'development', ...url })).toBeNull();
    expect(build({ QIS_ENV: 'test', ...url, ...key })).toBeInstanceOf(EvidenceClient);
  });
});
