import { ConfigError, loadConfig } from './load-config';
import { ObjectStoreConfig, ServiceConfig } from './service.config';

class TestConfig extends ServiceConfig {
  override HTTP_PORT = 7999;
}

// Any readable file passes the key-file check; the key itself is parsed by @qis/auth at boot.
const base = { DB_PASSWORD: 'pw', AUTH_PUBLIC_KEY_FILE: __filename };

describe('loadConfig', () => {
  it('applies the defaults and converts numbers and booleans', () => {
    const config = loadConfig(TestConfig, { ...base, DB_PORT: '5433', SWAGGER_ENABLED: 'false' });
    expect(config.HTTP_PORT).toBe(7999);
    expect(config.DB_PORT).toBe(5433);
    expect(config.SWAGGER_ENABLED).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig(TestConfig, {})).toThrow(/DB_PASSWORD is missing/);
  });

  it('names every bad variable at once, with the value it got', () => {
    let caught: unknown;
    try {
      loadConfig(TestConfig, { ...base, HTTP_PORT: 'abc', KAFKA_BROKERS: 'nohostport', QIS_ENV: 'staging' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/HTTP_PORT="abc" is invalid: .*must be an integer port/);
    expect(problems).toMatch(
      /KAFKA_BROKERS="nohostport" is invalid: must be a comma-separated list of host:port/,
    );
    expect(problems).toMatch(/QIS_ENV="staging" is invalid/);
  });

  it('never echoes a secret it refuses', () => {
    class SecretConfig extends ObjectStoreConfig {}
    let message = '';
    try {
      loadConfig(SecretConfig, {
        ...base,
        MINIO_ACCESS_KEY: 'a',
        MINIO_SECRET_KEY: 'a',
        MINIO_ENDPOINT: 'not a url',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/MINIO_ENDPOINT="not a url" is invalid/);
    loadConfig(SecretConfig, { ...base, MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 's3cr3t-value' });
    expect(() => loadConfig(TestConfig, { DB_PASSWORD: '', DB_PORT: '0' })).toThrow(/DB_PORT="0"/);
  });

  describe('token verification settings', () => {
    const jwks = 'https://sso.example.gov.cn/realms/qis/protocol/openid-connect/certs';

    it('accepts a key file or a JWKS URL, with issuer and audience', () => {
      expect(loadConfig(TestConfig, base).AUTH_PUBLIC_KEY_FILE).toBe(__filename);
      const config = loadConfig(TestConfig, {
        DB_PASSWORD: 'pw',
        AUTH_JWKS_URL: jwks,
        AUTH_ISSUER: 'https://sso.example.gov.cn/realms/qis',
        AUTH_AUDIENCE: 'qis',
      });
      expect(config).toMatchObject({
        AUTH_JWKS_URL: jwks,
        AUTH_AUDIENCE: 'qis',
        AUTH_CLOCK_TOLERANCE_SECONDS: 5,
      });
      expect(config.AUTH_PUBLIC_KEY_FILE).toBeUndefined();
    });

    it('names the variable when neither key source is set', () => {
      expect(() => loadConfig(TestConfig, { DB_PASSWORD: 'pw' })).toThrow(
        /AUTH_PUBLIC_KEY_FILE is missing \(must be set \(a PEM public key file\), or AUTH_JWKS_URL must be\)/,
      );
    });

    it('refuses both key sources at once, an unreadable key file and a bad JWKS URL', () => {
      expect(() => loadConfig(TestConfig, { ...base, AUTH_JWKS_URL: jwks })).toThrow(
        /AUTH_PUBLIC_KEY_FILE=.* is invalid: set either AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL, not both/,
      );
      expect(() =>
        loadConfig(TestConfig, { ...base, AUTH_PUBLIC_KEY_FILE: '/nonexistent/dev-jwt.pub' }),
      ).toThrow(/AUTH_PUBLIC_KEY_FILE="\/nonexistent\/dev-jwt.pub" is invalid: must be a readable file/);
      expect(() => loadConfig(TestConfig, { DB_PASSWORD: 'pw', AUTH_JWKS_URL: 'not a url' })).toThrow(
        /AUTH_JWKS_URL="not a url" is invalid/,
      );
    });

    it("takes the console's OIDC issuer beside the key file, and names what is missing of the pair", () => {
      const oidc = { AUTH_OIDC_ISSUER: 'http://127.0.0.1:18080/realms/qis', AUTH_OIDC_JWKS_URL: jwks };
      expect(loadConfig(TestConfig, { ...base, AUTH_ISSUER: 'qis-dev', ...oidc })).toMatchObject(oidc);
      expect(() => loadConfig(TestConfig, { ...base, AUTH_OIDC_ISSUER: oidc.AUTH_OIDC_ISSUER })).toThrow(
        /AUTH_OIDC_JWKS_URL is missing \(must be the http\(s\) URL of the AUTH_OIDC_ISSUER key set\)/,
      );
      expect(() => loadConfig(TestConfig, { ...base, AUTH_OIDC_JWKS_URL: jwks })).toThrow(
        /AUTH_OIDC_ISSUER is missing \(must be set when AUTH_OIDC_JWKS_URL is\)/,
      );
    });
  });
});
