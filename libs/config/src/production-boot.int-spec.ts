import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

// The real service processes, as built in dist/ (npm run build), in QIS_ENV=production. Spawned
// directly rather than through @qis/testing, which itself depends on this library.
const root = path.resolve(__dirname, '../../..');

const boot = (
  service: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> => {
  const entry = path.join(root, 'dist/services', service, 'src/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  const child = spawn(process.execPath, ['-r', path.join(root, 'tools/runtime/register-paths.js'), entry], {
    cwd: root,
    // Nothing from the test's own environment: only what a production deployment would set.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
};

/** What the Compose file gives every service, as far as the guards go; ports nobody listens on. */
const production: Record<string, string> = {
  QIS_ENV: 'production',
  HTTP_PORT: '1',
  DB_HOST: '127.0.0.1',
  DB_PORT: '1',
  KAFKA_BROKERS: '127.0.0.1:1',
  DB_PASSWORD: 'a-database-password-of-its-own',
  DB_MIGRATION_USER: 'qis_owner',
  DB_MIGRATION_PASSWORD: 'the-owner-password-of-its-own',
  MINIO_ACCESS_KEY: 'qis',
  MINIO_SECRET_KEY: 'an-object-store-secret-of-its-own',
  AUTH_JWKS_URL: 'http://127.0.0.1:1/realms/qis/protocol/openid-connect/certs',
  AUTH_ISSUER: 'https://qis.example.gov.cn/auth/realms/qis',
  AUTH_AUDIENCE: 'qis-services',
  SWAGGER_ENABLED: 'false',
  METRICS_TOKEN: 'a-scrape-token-of-its-own',
  KAFKA_SASL_USERNAME: 'qis-service',
  KAFKA_SASL_PASSWORD: 'a-kafka-password-of-its-own',
};

/** The development posture the old Compose file ran production with. */
const developmentPosture: Record<string, string> = {
  AUTH_JWKS_URL: '',
  AUTH_PUBLIC_KEY_FILE: __filename,
  AUTH_ISSUER: 'qis-dev',
  AUTH_AUDIENCE: '',
  SWAGGER_ENABLED: 'true',
  DB_PASSWORD: 'qis',
};

describe('a service in QIS_ENV=production', () => {
  it.each(['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'])(
    '%s refuses to start with the development posture, naming every variable at once',
    async (service) => {
      const { code, output } = await boot(service, { ...production, ...developmentPosture });
      expect(code).not.toBe(0);
      for (const variable of [
        'AUTH_PUBLIC_KEY_FILE is set',
        'AUTH_JWKS_URL is missing',
        'AUTH_ISSUER="qis-dev" is refused',
        'AUTH_AUDIENCE is missing',
        'SWAGGER_ENABLED is true',
        'DB_PASSWORD is too short',
      ])
        expect(output).toContain(variable);
      expect(output).not.toContain('\n  - DB_PASSWORD="qis"');
    },
  );

  it.each([
    ['purchasing', 'EVIDENCE_URL is missing'],
    ['purchasing', 'PURCHASING_IDENTITY_KEY is missing'],
    ['lab-gateway', 'EVIDENCE_URL is missing'],
    ['enforcement', 'EVIDENCE_URL is missing'],
    ['enforcement', 'SERVICE_TOKEN_URL is missing'],
    ['enforcement', 'SERVICE_TOKEN_CLIENT_SECRET is missing'],
    ['evidence', 'EVIDENCE_PSEUDONYM_KEY'],
    ['evidence', 'EVIDENCE_TSA_URL is missing'],
    ['evidence', 'EVIDENCE_TSA_CERT_FILE is missing'],
  ])('%s exits non-zero naming %s', async (service, expected) => {
    const { code, output } = await boot(service, production);
    expect(code).not.toBe(0);
    expect(output).toContain(expected);
  });

  it.each(['planning', 'lab-gateway'])(
    '%s refuses to connect to Kafka without a principal of its own: KAFKA_SASL_USERNAME is named',
    async (service) => {
      const { code, output } = await boot(service, {
        ...production,
        KAFKA_SASL_USERNAME: '',
        KAFKA_SASL_PASSWORD: '',
      });
      expect(code).not.toBe(0);
      expect(output).toContain('KAFKA_SASL_USERNAME is missing');
    },
  );

  it.each(['planning', 'evidence'])(
    '%s refuses to run as the owner of its tables: no DB_MIGRATION_USER is named',
    async (service) => {
      const { code, output } = await boot(service, { ...production, DB_MIGRATION_USER: '' });
      expect(code).not.toBe(0);
      expect(output).toContain('DB_MIGRATION_USER is missing');
    },
  );
});
