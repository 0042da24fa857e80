import { declaredTopics } from '@qis/contracts';
import type { Acl } from './kafka-plan';
import { localPrincipals, passwordVariable } from './principals';

/** The file tools/k8s/generate.ts writes (npm run k8s) and checks (npm test). */
export const COMPOSE_SCRIPT_PATH = 'deploy/compose/kafka-principals.generated.sh';

const quote = (word: string): string => (/^[A-Za-z0-9._:\-/]+$/.test(word) ? word : `'${word}'`);

/**
 * kafka-acls.sh arguments of a principal's ACLs, one call per resource type, pattern type and set
 * of operations (each call starts a JVM: the topics of one kind go together).
 */
const aclCalls = (acls: readonly Acl[]): string[] => {
  const calls = new Map<string, { head: string[]; resources: string[] }>();
  for (const acl of acls) {
    const operations = acl.operations.flatMap((op) => ['--operation', op]);
    if (acl.resource.type === 'cluster') {
      calls.set(`cluster|${operations.join(' ')}`, { head: operations, resources: ['--cluster'] });
      continue;
    }
    const pattern = acl.resource.patternType === 'prefix' ? ['--resource-pattern-type', 'prefixed'] : [];
    const key = `${acl.resource.type}|${acl.resource.patternType}|${operations.join(' ')}`;
    const call = calls.get(key) ?? { head: [...operations, ...pattern], resources: [] };
    call.resources.push(`--${acl.resource.type}`, quote(acl.resource.name));
    calls.set(key, call);
  }
  return [...calls.values()].map((c) => [...c.head, ...c.resources].join(' '));
};

/**
 * The principals and ACLs of the Compose broker as one shell script for the Kafka image's own
 * kafka-configs.sh (SCRAM-SHA-256 and SCRAM-SHA-512 credentials) and kafka-acls.sh, run by the
 * one-shot `kafka-principals` service on the broker's loopback listener. Derived from the same
 * principals as the Strimzi KafkaUsers and the local provisioning (tools/kafka-acl/principals.ts).
 */
export function composeScript(): string {
  const principals = localPrincipals();
  const lines = [
    '#!/usr/bin/env bash',
    '# The topics, Kafka principals and ACLs of deploy/docker-compose.yml, run by its kafka-principals service.',
    '# Generated from libs/contracts by tools/k8s/generate.ts (npm run k8s): do not edit.',
    '# Each password comes from the variable named beside its principal (deploy/.env). Idempotent; skipped',
    '# when this script and the passwords are those of the last run on this broker (a stamp in its data).',
    'set -euo pipefail',
    'BIN=${KAFKA_BIN:-/opt/kafka/bin}',
    'BOOTSTRAP=${KAFKA_BOOTSTRAP:-127.0.0.1:9091}',
    'STAMP=${QIS_PRINCIPALS_STAMP:-/var/lib/kafka/data/.qis-principals}',
    '# As the broker itself (qis-broker, SASL PLAIN on its loopback listener; nobody is anonymous),',
    '# its password from QIS_KAFKA_BROKER_PASSWORD into a file of mode 600, never on a command line.',
    'CONFIG=$(mktemp)',
    'trap \'rm -f "$CONFIG"\' EXIT',
    '(umask 077 && printf \'security.protocol=SASL_PLAINTEXT\\nsasl.mechanism=PLAIN\\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="qis-broker" password="%s";\\n\' "${QIS_KAFKA_BROKER_PASSWORD:?QIS_KAFKA_BROKER_PASSWORD is not set}" >"$CONFIG")',
    `PASSWORDS="${principals.map((p) => passwordVariable(p.user)).join(' ')}"`,
    'digest=$({ cat "$0"; for v in $PASSWORDS; do printf \'%s\\n\' "${!v:?$v is not set}"; done; } | sha256sum | cut -c1-64)',
    'if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$digest" ]; then echo "principals up to date"; exit 0; fi',
    'topic() {',
    '  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --create --if-not-exists --topic "$1" \\',
    '    --partitions "${KAFKA_TOPIC_PARTITIONS:-3}" --replication-factor 1 --config "retention.ms=$2" >/dev/null',
    '}',
    'scram() {',
    '  local file',
    '  file=$(mktemp)',
    '  for mechanism in SCRAM-SHA-256 SCRAM-SHA-512; do',
    '    # From a file (mode 600), so no password is on a command line.',
    '    (umask 077 && printf \'%s=iterations=8192,password=%s\\n\' "$mechanism" "${!2}" >"$file")',
    '    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter --entity-type users --entity-name "$1" --add-config-file "$file" >/dev/null',
    '  done',
    '  rm -f "$file"',
    '}',
    'acl() {',
    '  local user=$1',
    '  shift',
    '  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --allow-principal "User:$user" "$@" >/dev/null',
    '}',
    '',
    '# The topics, as the services would make them: 30 days, dead letters kept.',
    ...declaredTopics().map((t) => `topic ${t} ${t.endsWith('.dlq') ? -1 : 30 * 24 * 3_600_000}`),
  ];
  for (const principal of principals) {
    lines.push('', `echo ${principal.user}`, `scram ${principal.user} ${passwordVariable(principal.user)}`);
    for (const call of aclCalls(principal.acls)) lines.push(`acl ${principal.user} ${call}`);
  }
  lines.push('', 'echo "$digest" >"$STAMP"');
  return `${lines.join('\n')}\n`;
}
