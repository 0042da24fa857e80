import { ConfigError, loadConfig } from './load-config';
import { ObjectStoreConfig, ServiceConfig } from './service.config';

class TestConfig extends ServiceConfig {
  override HTTP_PORT = 7999;
}

const base = { DB_PASSWORD: 'pw' };

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
});
