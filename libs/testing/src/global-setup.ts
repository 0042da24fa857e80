import './resolve-libs';
import { containerRuntimeAvailable, startContainers } from './containers';
import { endpoints, INFRA_VARIABLES, localInfraEnv, tcpReachable } from './infra-env';
import { newTestRunPrefix } from './test-topics';

declare global {
  var __QIS_CONTAINERS__: { stop(): Promise<void> } | undefined;
}

/**
 * Finds the infrastructure the integration tests run on, once per jest run:
 * 1. connection settings from the environment, when given (CI, a remote stack);
 * 2. otherwise the local infra script's servers (`npm run infra -- up`);
 * 3. otherwise, only when a container engine exists, testcontainers.
 * Workers inherit the resulting variables.
 */
export default async function globalSetup(): Promise<void> {
  const given = INFRA_VARIABLES.some((name) => process.env[name]);
  let env: Record<string, string> = given
    ? Object.fromEntries(
        INFRA_VARIABLES.filter((n) => process.env[n]).map((n) => [n, process.env[n] as string]),
      )
    : localInfraEnv();
  if (given) env = { ...localInfraEnv(), ...env };

  const down = [];
  for (const e of endpoints(env)) if (!(await tcpReachable(e.host, e.port))) down.push(e);

  if (down.length > 0 && !given && containerRuntimeAvailable()) {
    const started = await startContainers();
    globalThis.__QIS_CONTAINERS__ = started;
    env = { ...env, ...started.env };
    // The container's broker has no SASL listener: no principal to log in as.
    for (const name of ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'])
      delete env[name];
  } else if (down.length > 0) {
    throw new Error(
      `Integration tests need the infrastructure, but ${down.map((e) => `${e.name} at ${e.host}:${e.port}`).join(', ')} ` +
        `did not answer. Start it with: npm run infra -- up`,
    );
  }
  Object.assign(process.env, env, {
    QIS_ENV: 'test',
    // The legal clocks run out by moving the services' clocks (POST /ops/clock), never by
    // back-dating records; a test that needs the fixed clock passes CLOCK_OVERRIDE_ENABLED=''.
    CLOCK_OVERRIDE_ENABLED: process.env['CLOCK_OVERRIDE_ENABLED'] ?? 'true',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'error',
    QIS_TEST_RUN_PREFIX: newTestRunPrefix(),
  });
}
