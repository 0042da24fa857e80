import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@qis/config';
import { PurchasingConfig } from './purchasing.config';

const base = { DB_PASSWORD: 'x', AUTH_JWKS_URL: 'https://sso.example.gov.cn/certs' };
const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(PurchasingConfig, { ...base, ...env });
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
};

describe('PurchasingConfig', () => {
  const good = randomBytes(32).toString('base64');

  it('refuses to boot without an identity key ring', () => {
    expect(problems({})).toMatch(/PURCHASING_IDENTITY_KEY is missing/);
    expect(problems({})).toMatch(/PURCHASING_ACTIVE_KEY_ID is missing/);
    expect(problems({})).toMatch(/PURCHASING_BLIND_INDEX_KEY is missing/);
  });

  it('refuses a blind-index key that is not 32 bytes in base64, without echoing it', () => {
    const message = problems({
      PURCHASING_IDENTITY_KEY: `k1:${good}`,
      PURCHASING_ACTIVE_KEY_ID: 'k1',
      PURCHASING_BLIND_INDEX_KEY: 'c2hvcnQ=',
    });
    expect(message).toContain('PURCHASING_BLIND_INDEX_KEY');
    expect(message).not.toContain('c2hvcnQ=');
  });

  it('refuses an active key id that is not in the ring, naming the ring ids but no key material', () => {
    const message = problems({ PURCHASING_IDENTITY_KEY: `k1:${good}`, PURCHASING_ACTIVE_KEY_ID: 'k2' });
    expect(message).toContain('holds no key with PURCHASING_ACTIVE_KEY_ID "k2" (has k1)');
    expect(message).not.toContain(good);
  });

  it('accepts a ring of 32-byte keys holding the active one and a 32-byte blind-index key', () => {
    expect(
      problems({
        PURCHASING_IDENTITY_KEY: `k1:${good}`,
        PURCHASING_ACTIVE_KEY_ID: 'k1',
        PURCHASING_BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
      }),
    ).toBe('');
  });
});
