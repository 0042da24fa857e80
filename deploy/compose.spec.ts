import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '@qis/config';
import { DEFAULT_CJK_FONT_FILE } from '@qis/documents';
import { composeProblems, parseEnvFile, type ComposeCheckInput } from './compose/compose-check';

const root = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const SERVICES = ['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'];

/** The service's config class as built in dist/ (tests never import a service's source). */
const configClass = (service: string): new () => object => {
  const file = path.join(root, 'dist/services', service, 'src', `${service}.config.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.values(require(file) as Record<string, unknown>);
  const cls = exported.find((value) => typeof value === 'function');
  if (!cls) throw new Error(`${file} exports no config class`);
  return cls as new () => object;
};

const configProblems = (service: string, environment: Record<string, string>): string[] => {
  try {
    loadConfig(configClass(service), environment);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
};

const input = (overrides: Partial<ComposeCheckInput> = {}): ComposeCheckInput => ({
  compose: read('deploy/docker-compose.yml'),
  composeDir: path.join(root, 'deploy'),
  envExample: read('deploy/.env.example'),
  schema: JSON.parse(read('deploy/compose/compose-spec.json')) as object,
  configProblems,
  services: SERVICES,
  documentServices: ['evidence', 'enforcement'],
  cjkFontFile: DEFAULT_CJK_FONT_FILE,
  published: ['console', 'public-page'],
  ...overrides,
});

describe('deploy/docker-compose.yml', () => {
  it('is a valid Compose file every service of which starts in production, publishing only the two origins', () => {
    expect(composeProblems(input())).toEqual([]);
  });

  it('holds no real secret in deploy/.env.example', () => {
    const example = parseEnvFile(read('deploy/.env.example'));
    for (const [name, value] of example)
      if (/(PASSWORD|SECRET|KEY)$/.test(name) && name !== 'QIS_MINIO_ACCESS_KEY')
        expect([name, value]).toEqual([name, '']);
  });

  it('names each problem of the Compose file as it was before issue 17', () => {
    const found = composeProblems(
      input({ compose: read('deploy/compose/fixtures/compose-before-issue-17.yml') }),
    );
    const text = found.join('\n');
    // The development signing key and issuer trusted in production, its key mounted everywhere.
    expect(text).toMatch(/planning: AUTH_PUBLIC_KEY_FILE=.* is invalid/);
    expect(text).toMatch(/planning: AUTH_ISSUER="qis-dev" is refused in production/);
    expect(text).toMatch(/variable QIS_AUTH_KEY_DIR is used but not in deploy\/.env.example/);
    expect(text).toMatch(/planning: mounts \.\.\/\.infra\/keys, the local development state/);
    // Purchasing would crash-loop without its identity key.
    expect(text).toMatch(/purchasing: PURCHASING_IDENTITY_KEY is missing/);
    // Evidence-reference checks silently off: no EVIDENCE_URL, no service token.
    for (const service of ['purchasing', 'lab-gateway', 'enforcement'])
      expect(text).toMatch(new RegExp(`${service}: EVIDENCE_URL is missing`));
    expect(text).toMatch(/enforcement: SERVICE_TOKEN_URL is missing/);
    expect(text).toMatch(/enforcement: SERVICE_TOKEN_CLIENT_SECRET is missing/);
    // No CJK font in the images that render documents.
    expect(text).toMatch(/evidence: its image does not install fonts-wqy-microhei/);
    expect(text).toMatch(/enforcement: its image does not install fonts-wqy-microhei/);
    // Swagger on, and every service published to the host.
    expect(text).toMatch(/disclosure: SWAGGER_ENABLED is true/);
    for (const service of SERVICES) expect(text).toMatch(new RegExp(`${service}: publishes ports`));
  });

  it('names a document the Compose schema refuses, a missing Dockerfile or target and a service that is not run', () => {
    const broken = `
services:
  planning:
    build: { context: .., dockerfile: deploy/docker/nowhere.Dockerfile }
    environment: { SERVICE: planning }
    restart: [always]
  evidence:
    build: { context: .., dockerfile: deploy/docker/service.Dockerfile, target: nothing }
    environment: { SERVICE: evidence }
    deploy_me: true
`;
    const found = composeProblems(input({ compose: broken, configProblems: () => [] }));
    const text = found.join('\n');
    expect(text).toMatch(/schema: .*restart/);
    expect(text).toMatch(/schema: .*should NOT have additional properties \(deploy_me\)/);
    expect(text).toMatch(/planning: Dockerfile docker\/nowhere.Dockerfile does not exist/);
    expect(text).toMatch(/evidence: build target nothing is not a stage of service.Dockerfile/);
    expect(text).toMatch(/disclosure: no Compose service runs it/);
  });

  it('names a Kafka listener open to the network without authentication, an anonymous super user and a service on another principal', () => {
    const compose = read('deploy/docker-compose.yml')
      .replace('LOCAL://127.0.0.1:9091,', 'LOCAL://:9091,')
      .replace('LOCAL:SASL_PLAINTEXT', 'LOCAL:PLAINTEXT')
      .replace('KAFKA_SUPER_USERS: User:qis-broker', 'KAFKA_SUPER_USERS: User:ANONYMOUS')
      .replace('KAFKA_SASL_USERNAME: qis-enforcement', 'KAFKA_SASL_USERNAME: qis-lab-gateway');
    const text = composeProblems(input({ compose, configProblems: () => [] })).join('\n');
    expect(text).toMatch(
      /kafka: Kafka listener LOCAL:\/\/:9091 takes unauthenticated clients from the network/,
    );
    expect(text).toMatch(/kafka: User:ANONYMOUS is a Kafka super user/);
    expect(text).toMatch(
      /enforcement: connects to Kafka as qis-lab-gateway, not its own principal qis-enforcement/,
    );
    const before = composeProblems(
      input({
        compose: read('deploy/compose/fixtures/compose-before-issue-17.yml'),
        configProblems: () => [],
      }),
    ).join('\n');
    expect(before).toMatch(
      /kafka: Kafka listener PLAINTEXT:\/\/:9092 takes unauthenticated clients from the network/,
    );
    expect(before).toMatch(/lab-gateway: connects to Kafka as nobody, not its own principal qis-lab-gateway/);
  });

  it('names a secret left out of the template and a service whose config the environment does not satisfy', () => {
    const compose = read('deploy/docker-compose.yml').replace(
      'EVIDENCE_PSEUDONYM_KEY: ${QIS_EVIDENCE_PSEUDONYM_KEY:?set QIS_EVIDENCE_PSEUDONYM_KEY in deploy/.env}',
      'EVIDENCE_PSEUDONYM_KEY: ${QIS_PSEUDONYM:-}',
    );
    const text = composeProblems(input({ compose })).join('\n');
    expect(text).toMatch(/variable QIS_PSEUDONYM is used but not in deploy\/.env.example/);
    expect(text).toMatch(/evidence: EVIDENCE_PSEUDONYM_KEY is missing/);
  });
});
