import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@qis/contracts';
import {
  aclsByPrincipal,
  kafkaConnection,
  revokeAcls,
  ScramCredentials,
  type BrokerLogin,
} from '@qis/messaging';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { parseEnv, repoRoot } from './infra-env';
import { FixtureEventContract } from './fixtures/backbone/fixture-event';

/** Passwords of the principals provisioned by this process, by broker and topic prefix. */
const provisioned = new Map<string, Map<string, string>>();

const kafkaPasswordVariable = (service: string): string =>
  `QIS_KAFKA_PASSWORD_${service.replace(/-/g, '_').toUpperCase()}`;

/** The harness's own login (the admin principal of `infra.sh env`), from an environment. */
export function harnessLogin(env: NodeJS.ProcessEnv = process.env): BrokerLogin | undefined {
  const username = env['KAFKA_SASL_USERNAME'];
  if (!username) return undefined;
  return {
    mechanism: (env['KAFKA_SASL_MECHANISM'] || 'scram-sha-512') as BrokerLogin['mechanism'],
    username,
    password: env['KAFKA_SASL_PASSWORD'] ?? '',
  };
}

/**
 * The Kafka login of a service started as a process in a test: its own principal, never the
 * harness's. Under a test file's topic prefix that is `<prefix>qis-<service>` with the ACLs derived
 * from the contracts under that prefix (tools/kafka-acl, provisioned with the prefix's topics the
 * first time this process starts a service there); without a prefix, the local stack's
 * `qis-<service>` (`infra.sh principals`, its password in the credentials file). Nothing when the
 * caller chose the principal, or when the broker has no SASL (the harness has no login).
 */
export function servicePrincipalEnv(
  name: string,
  childEnv: NodeJS.ProcessEnv,
  given: Record<string, string>,
): Record<string, string> {
  const admin = harnessLogin(childEnv);
  if (given['KAFKA_SASL_USERNAME'] || !admin) return {};
  const prefix = childEnv['KAFKA_TOPIC_PREFIX'] ?? '';
  const login = (username: string, password: string) => ({
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: username,
    KAFKA_SASL_PASSWORD: password,
  });
  if (prefix === '') {
    const variable = kafkaPasswordVariable(name);
    const file = childEnv['QIS_CREDENTIALS_FILE'];
    const password =
      childEnv[variable] ??
      (file && existsSync(file) ? parseEnv(readFileSync(file, 'utf8'))[variable] : undefined);
    if (!password)
      throw new Error(`no ${variable} for qis-${name} (run: bash deploy/local/infra.sh principals)`);
    return login(`qis-${name}`, password);
  }
  const user = `${prefix}qis-${name}`;
  if (![...SERVICES, 'fixture'].includes(name))
    throw new Error(`${name} has no Kafka principal of its own (tools/kafka-acl)`);
  // Provisioned as the harness, on the harness's broker: a test may give the service a broker
  // address that is wrong on purpose (a boot refusal), which must not stop the provisioning.
  const harnessKafka = Object.entries(process.env).filter(
    ([key]) => key.startsWith('KAFKA_') && key !== 'KAFKA_TOPIC_PREFIX',
  );
  const provisioning = { ...childEnv, ...Object.fromEntries(harnessKafka) };
  return login(user, ensureTestPrincipals(prefix, [name], provisioning).get(user)!);
}

/**
 * Provisions, once per broker and prefix, principals of the six stages or the backbone fixture
 * (`names`), the prefix's topics and their ACLs: synchronously (the built tools/kafka-acl CLI as a
 * child process, logged in as the harness), as spawnService is. startServiceStack asks for all six
 * at once. Returns the passwords known for the prefix.
 */
export function ensureTestPrincipals(
  prefix: string,
  names: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Map<string, string> {
  const key = `${env['KAFKA_BROKERS']}|${prefix}`;
  const known = provisioned.get(key) ?? new Map<string, string>();
  const missing = names.map((n) => `${prefix}qis-${n}`).filter((u) => !known.has(u));
  if (missing.length === 0 || !harnessLogin(env)) return known;
  const passwords = new Map(missing.map((u) => [u, randomBytes(18).toString('base64url')] as const));
  const cli = path.join(repoRoot(), 'dist/tools/kafka-acl/cli.js');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: build first (npm run build)`);
  try {
    execFileSync(
      process.execPath,
      [
        '-r',
        path.join(repoRoot(), 'tools/runtime/register-paths.js'),
        cli,
        '--test-prefix',
        prefix,
        '--fixture-topic',
        FixtureEventContract.topic,
      ],
      {
        env: { ...env, QIS_KAFKA_TEST_PASSWORDS: JSON.stringify(Object.fromEntries(passwords)) },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 180_000,
      },
    );
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`provisioning the test principals failed: ${e.stderr?.toString() || e.message}`);
  }
  for (const [user, password] of passwords) known.set(user, password);
  provisioned.set(key, known);
  return known;
}

/**
 * Deletes the ACLs and SCRAM credentials of the test principals that `select` picks (by user
 * name: a run's prefix, or runs that are over); returns how many users.
 */
export async function deleteTestPrincipals(
  select: (user: string) => boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const login = harnessLogin(env);
  if (!login) return 0;
  const connection = kafkaConnection(env);
  const scram = new ScramCredentials(connection.brokers as string[], login);
  const admin: Admin = new Kafka({
    ...connection,
    clientId: 'qis-test-principals',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const held = await aclsByPrincipal(admin);
    const withAcls = [...held.keys()].map((principal) => principal.replace(/^User:/, ''));
    const users = [...new Set([...withAcls, ...(await scram.users())])].filter(select);
    if (users.length === 0) return 0;
    await revokeAcls(admin, users, held);
    for (const user of users) await scram.remove(user);
    return users.length;
  } finally {
    await admin.disconnect();
  }
}
