import { ConfigError, loadConfig } from '@qis/config';
import { LabGatewayConfig } from '../lab-gateway.config';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(LabGatewayConfig, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
};

describe("the lab gateway's clock override", () => {
  it('is refused in production, naming CLOCK_OVERRIDE_ENABLED, and allowed in development and test', () => {
    const production = problems({ QIS_ENV: 'production', CLOCK_OVERRIDE_ENABLED: 'true' });
    expect(production).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CLOCK_OVERRIDE_ENABLED.*refused in production/)]),
    );
    expect(problems({ QIS_ENV: 'production' }).some((p) => p.startsWith('CLOCK_OVERRIDE_ENABLED'))).toBe(
      false,
    );
    const dev = {
      DB_PASSWORD: 'pw',
      MINIO_ACCESS_KEY: 'a',
      MINIO_SECRET_KEY: 'b',
      AUTH_PUBLIC_KEY_FILE: __filename,
    };
    for (const QIS_ENV of ['development', 'test'])
      expect(
        loadConfig(LabGatewayConfig, { ...dev, QIS_ENV, CLOCK_OVERRIDE_ENABLED: 'true' })
          .CLOCK_OVERRIDE_ENABLED,
      ).toBe(true);
  });
});
