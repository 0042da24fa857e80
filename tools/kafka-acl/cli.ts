import { localPrincipals, passwordVariable } from './principals';
import { provisionPrincipals } from './provision';

/**
 * Provisions the backbone's principals on the local broker (deploy/local/infra.sh principals):
 *   KAFKA_BROKERS        the trusted loopback listener (ANONYMOUS is super user there only)
 *   KAFKA_SASL_BROKERS   the SASL/SCRAM listener the services connect to
 *   QIS_KAFKA_LIB        the Kafka jars (kafka-configs.sh = kafka.admin.ConfigCommand)
 *   QIS_KAFKA_PASSWORD_<PRINCIPAL>  each principal's password (QIS_KAFKA_PASSWORD_LAB_GATEWAY, …_ADMIN)
 * `--list` prints the principals and the variables of their passwords, and changes nothing.
 */
async function main(): Promise<void> {
  const env = process.env;
  if (process.argv.includes('--list')) {
    for (const p of localPrincipals()) process.stdout.write(`${p.user} ${passwordVariable(p.user)}\n`);
    return;
  }
  const required = (name: string): string => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const passwords = new Map(
    localPrincipals().map((p) => [p.user, required(passwordVariable(p.user))] as const),
  );
  await provisionPrincipals({
    brokers: required('KAFKA_BROKERS').split(','),
    saslBrokers: required('KAFKA_SASL_BROKERS').split(','),
    kafkaLib: required('QIS_KAFKA_LIB'),
    passwords,
    topicSettings: { partitions: Number(env['KAFKA_TOPIC_PARTITIONS'] ?? 3), replicationFactor: 1 },
    log: (line) => process.stdout.write(`  ${line}\n`),
  });
}

main().catch((error: unknown) => {
  // Never the passwords: only what failed.
  process.stderr.write(`kafka-acl: ${(error as Error).message}\n`);
  process.exit(1);
});
