import type { BrokerLogin } from '@qis/messaging';
import { ADMIN_USER, localPrincipals, passwordVariable, testFixturePrincipal } from './principals';
import { provisionPrincipals } from './provision';

/**
 * Provisions the backbone's principals on a broker, logged in as the admin principal:
 *   KAFKA_BROKERS            the SASL/SCRAM listener
 *   QIS_KAFKA_PASSWORD_<PRINCIPAL>  each principal's password (…_LAB_GATEWAY, …_ADMIN: qis-admin's own)
 *   KAFKA_INTERNAL_BROKERS, QIS_KAFKA_BROKER_PASSWORD  the broker's own listener and login
 *                            (qis-broker, SASL PLAIN): only to give qis-admin its first credential
 * and takes back every ACL of ANONYMOUS (deploy/local/infra.sh principals).
 *
 * `--test-prefix <prefix>` (the test harness, libs/testing spawnService): the six stages' principals
 * and the backbone fixture's under a test file's prefix, with the topics, logged in as the
 * harness's principal (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD / KAFKA_SASL_MECHANISM); their
 * passwords as JSON in QIS_KAFKA_TEST_PASSWORDS; `--fixture-topic <topic>` the fixture's topic.
 * `--list` prints the principals and the variables of their passwords, and changes nothing.
 */
async function main(): Promise<void> {
  const env = process.env;
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  if (args.includes('--list')) {
    for (const p of localPrincipals()) process.stdout.write(`${p.user} ${passwordVariable(p.user)}\n`);
    return;
  }
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const brokers = required('KAFKA_BROKERS').split(',');
  const topicSettings = {
    partitions: Number(env['KAFKA_TOPIC_PARTITIONS'] || 3),
    replicationFactor: Number(env['KAFKA_REPLICATION_FACTOR'] || 1),
  };
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const prefix = option('--test-prefix');
  if (prefix !== undefined) {
    const passwords = new Map(Object.entries(JSON.parse(required('QIS_KAFKA_TEST_PASSWORDS')) as object));
    const fixtureTopic = option('--fixture-topic');
    await provisionPrincipals({
      brokers,
      login: {
        mechanism: (env['KAFKA_SASL_MECHANISM'] || 'scram-sha-512') as BrokerLogin['mechanism'],
        username: required('KAFKA_SASL_USERNAME'),
        password: required('KAFKA_SASL_PASSWORD'),
      },
      passwords,
      prefix,
      only: (user) => passwords.has(user),
      extraPrincipals: fixtureTopic ? [testFixturePrincipal(fixtureTopic, prefix)] : [],
      extraTopics: fixtureTopic ? [fixtureTopic] : [],
      topicSettings,
      log,
    });
    return;
  }
  const passwords = new Map(
    localPrincipals().map((p) => [p.user, required(passwordVariable(p.user))] as const),
  );
  const internal = env['KAFKA_INTERNAL_BROKERS'];
  await provisionPrincipals({
    brokers,
    login: { mechanism: 'scram-sha-512', username: ADMIN_USER, password: passwords.get(ADMIN_USER)! },
    bootstrap: internal
      ? {
          brokers: internal.split(','),
          login: {
            mechanism: 'plain',
            username: 'qis-broker',
            password: required('QIS_KAFKA_BROKER_PASSWORD'),
          },
        }
      : undefined,
    passwords,
    topicSettings,
    revokeAnonymous: true,
    log,
  });
}

main().catch((error: unknown) => {
  // Never the passwords: only what failed.
  process.stderr.write(`kafka-acl: ${(error as Error).message}\n`);
  process.exit(1);
});
