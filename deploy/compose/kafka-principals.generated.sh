#!/usr/bin/env bash
# The topics, Kafka principals and ACLs of deploy/docker-compose.yml, run by its kafka-principals service.
# Generated from libs/contracts by tools/k8s/generate.ts (npm run k8s): do not edit.
# Each password comes from the variable named beside its principal (deploy/.env). Idempotent; skipped
# when this script and the passwords are those of the last run on this broker (a stamp in its data).
set -euo pipefail
BIN=${KAFKA_BIN:-/opt/kafka/bin}
BOOTSTRAP=${KAFKA_BOOTSTRAP:-127.0.0.1:9091}
STAMP=${QIS_PRINCIPALS_STAMP:-/var/lib/kafka/data/.qis-principals}
# As the broker itself (qis-broker, SASL PLAIN on its loopback listener; nobody is anonymous),
# its password from QIS_KAFKA_BROKER_PASSWORD into a file of mode 600, never on a command line.
CONFIG=$(mktemp)
trap 'rm -f "$CONFIG"' EXIT
(umask 077 && printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="qis-broker" password="%s";\n' "${QIS_KAFKA_BROKER_PASSWORD:?QIS_KAFKA_BROKER_PASSWORD is not set}" >"$CONFIG")
PASSWORDS="QIS_KAFKA_PASSWORD_PLANNING QIS_KAFKA_PASSWORD_PURCHASING QIS_KAFKA_PASSWORD_EVIDENCE QIS_KAFKA_PASSWORD_LAB_GATEWAY QIS_KAFKA_PASSWORD_ENFORCEMENT QIS_KAFKA_PASSWORD_DISCLOSURE QIS_KAFKA_PASSWORD_PLATFORM_INGEST QIS_KAFKA_PASSWORD_ADMIN"
digest=$({ cat "$0"; for v in $PASSWORDS; do printf '%s\n' "${!v:?$v is not set}"; done; } | sha256sum | cut -c1-64)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$digest" ]; then echo "principals up to date"; exit 0; fi
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --create --if-not-exists --topic "$1" \
    --partitions "${KAFKA_TOPIC_PARTITIONS:-3}" --replication-factor 1 --config "retention.ms=$2" >/dev/null
}
scram() {
  local file
  file=$(mktemp)
  for mechanism in SCRAM-SHA-256 SCRAM-SHA-512; do
    # From a file (mode 600), so no password is on a command line.
    (umask 077 && printf '%s=iterations=8192,password=%s\n' "$mechanism" "${!2}" >"$file")
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --alter --entity-type users --entity-name "$1" --add-config-file "$file" >/dev/null
  done
  rm -f "$file"
}
acl() {
  local user=$1
  shift
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --allow-principal "User:$user" "$@" >/dev/null
}

# The topics, as the services would make them: 30 days, dead letters kept.
topic platform.listing-signal.v1 2592000000
topic platform.listing-signal.v1.dlq -1
topic platform.complaint-received.v1 2592000000
topic platform.complaint-received.v1.dlq -1
topic platform.takedown-reported.v1 2592000000
topic platform.takedown-reported.v1.dlq -1
topic planning.batch-issued.v1 2592000000
topic planning.batch-issued.v1.dlq -1
topic planning.sampling-delegated.v1 2592000000
topic planning.sampling-delegated.v1.dlq -1
topic purchasing.order-placed.v1 2592000000
topic purchasing.order-placed.v1.dlq -1
topic evidence.parcel-received.v1 2592000000
topic evidence.parcel-received.v1.dlq -1
topic evidence.sample-sealed.v1 2592000000
topic evidence.sample-sealed.v1.dlq -1
topic lab.sample-dispatched.v1 2592000000
topic lab.sample-dispatched.v1.dlq -1
topic lab.report-issued.v1 2592000000
topic lab.report-issued.v1.dlq -1
topic enforcement.result-notified.v1 2592000000
topic enforcement.result-notified.v1.dlq -1
topic enforcement.objection-filed.v1 2592000000
topic enforcement.objection-filed.v1.dlq -1
topic enforcement.reinspection-requested.v1 2592000000
topic enforcement.reinspection-requested.v1.dlq -1
topic enforcement.result-final.v1 2592000000
topic enforcement.result-final.v1.dlq -1
topic enforcement.case-routed.v1 2592000000
topic enforcement.case-routed.v1.dlq -1
topic enforcement.case-closed.v1 2592000000
topic enforcement.case-closed.v1.dlq -1
topic enforcement.risk-warning-decided.v1 2592000000
topic enforcement.risk-warning-decided.v1.dlq -1
topic disclosure.result-published.v1 2592000000
topic disclosure.result-published.v1.dlq -1
topic ops.probe.v1 2592000000
topic ops.probe.v1.dlq -1

echo qis-planning
scram qis-planning QIS_KAFKA_PASSWORD_PLANNING
acl qis-planning --operation Write --operation Describe --topic planning.batch-issued.v1 --topic planning.sampling-delegated.v1
acl qis-planning --operation Read --operation Describe --topic platform.listing-signal.v1 --topic platform.complaint-received.v1 --topic enforcement.result-final.v1 --topic enforcement.case-closed.v1
acl qis-planning --operation Write --operation Read --operation Describe --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1.dlq --topic enforcement.result-final.v1.dlq --topic enforcement.case-closed.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-planning --operation Describe --topic platform.takedown-reported.v1 --topic platform.takedown-reported.v1.dlq --topic planning.batch-issued.v1.dlq --topic planning.sampling-delegated.v1.dlq --topic purchasing.order-placed.v1 --topic purchasing.order-placed.v1.dlq --topic evidence.parcel-received.v1 --topic evidence.parcel-received.v1.dlq --topic evidence.sample-sealed.v1 --topic evidence.sample-sealed.v1.dlq --topic lab.sample-dispatched.v1 --topic lab.sample-dispatched.v1.dlq --topic lab.report-issued.v1 --topic lab.report-issued.v1.dlq --topic enforcement.result-notified.v1 --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1 --topic enforcement.objection-filed.v1.dlq --topic enforcement.reinspection-requested.v1 --topic enforcement.reinspection-requested.v1.dlq --topic enforcement.case-routed.v1 --topic enforcement.case-routed.v1.dlq --topic enforcement.risk-warning-decided.v1 --topic enforcement.risk-warning-decided.v1.dlq --topic disclosure.result-published.v1 --topic disclosure.result-published.v1.dlq
acl qis-planning --operation Read --operation Describe --group qis-planning
acl qis-planning --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-planning --operation IdempotentWrite --cluster

echo qis-purchasing
scram qis-purchasing QIS_KAFKA_PASSWORD_PURCHASING
acl qis-purchasing --operation Write --operation Describe --topic purchasing.order-placed.v1
acl qis-purchasing --operation Read --operation Describe --topic planning.batch-issued.v1 --topic evidence.parcel-received.v1
acl qis-purchasing --operation Write --operation Read --operation Describe --topic planning.batch-issued.v1.dlq --topic evidence.parcel-received.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-purchasing --operation Describe --topic platform.listing-signal.v1 --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1 --topic platform.complaint-received.v1.dlq --topic platform.takedown-reported.v1 --topic platform.takedown-reported.v1.dlq --topic planning.sampling-delegated.v1 --topic planning.sampling-delegated.v1.dlq --topic purchasing.order-placed.v1.dlq --topic evidence.sample-sealed.v1 --topic evidence.sample-sealed.v1.dlq --topic lab.sample-dispatched.v1 --topic lab.sample-dispatched.v1.dlq --topic lab.report-issued.v1 --topic lab.report-issued.v1.dlq --topic enforcement.result-notified.v1 --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1 --topic enforcement.objection-filed.v1.dlq --topic enforcement.reinspection-requested.v1 --topic enforcement.reinspection-requested.v1.dlq --topic enforcement.result-final.v1 --topic enforcement.result-final.v1.dlq --topic enforcement.case-routed.v1 --topic enforcement.case-routed.v1.dlq --topic enforcement.case-closed.v1 --topic enforcement.case-closed.v1.dlq --topic enforcement.risk-warning-decided.v1 --topic enforcement.risk-warning-decided.v1.dlq --topic disclosure.result-published.v1 --topic disclosure.result-published.v1.dlq
acl qis-purchasing --operation Read --operation Describe --group qis-purchasing
acl qis-purchasing --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-purchasing --operation IdempotentWrite --cluster

echo qis-evidence
scram qis-evidence QIS_KAFKA_PASSWORD_EVIDENCE
acl qis-evidence --operation Write --operation Describe --topic evidence.parcel-received.v1 --topic evidence.sample-sealed.v1
acl qis-evidence --operation Read --operation Describe --topic purchasing.order-placed.v1 --topic lab.sample-dispatched.v1 --topic enforcement.reinspection-requested.v1 --topic enforcement.case-routed.v1
acl qis-evidence --operation Write --operation Read --operation Describe --topic purchasing.order-placed.v1.dlq --topic lab.sample-dispatched.v1.dlq --topic enforcement.reinspection-requested.v1.dlq --topic enforcement.case-routed.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-evidence --operation Describe --topic platform.listing-signal.v1 --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1 --topic platform.complaint-received.v1.dlq --topic platform.takedown-reported.v1 --topic platform.takedown-reported.v1.dlq --topic planning.batch-issued.v1 --topic planning.batch-issued.v1.dlq --topic planning.sampling-delegated.v1 --topic planning.sampling-delegated.v1.dlq --topic evidence.parcel-received.v1.dlq --topic evidence.sample-sealed.v1.dlq --topic lab.report-issued.v1 --topic lab.report-issued.v1.dlq --topic enforcement.result-notified.v1 --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1 --topic enforcement.objection-filed.v1.dlq --topic enforcement.result-final.v1 --topic enforcement.result-final.v1.dlq --topic enforcement.case-closed.v1 --topic enforcement.case-closed.v1.dlq --topic enforcement.risk-warning-decided.v1 --topic enforcement.risk-warning-decided.v1.dlq --topic disclosure.result-published.v1 --topic disclosure.result-published.v1.dlq
acl qis-evidence --operation Read --operation Describe --group qis-evidence
acl qis-evidence --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-evidence --operation IdempotentWrite --cluster

echo qis-lab-gateway
scram qis-lab-gateway QIS_KAFKA_PASSWORD_LAB_GATEWAY
acl qis-lab-gateway --operation Write --operation Describe --topic lab.sample-dispatched.v1 --topic lab.report-issued.v1
acl qis-lab-gateway --operation Read --operation Describe --topic evidence.sample-sealed.v1 --topic enforcement.reinspection-requested.v1
acl qis-lab-gateway --operation Write --operation Read --operation Describe --topic evidence.sample-sealed.v1.dlq --topic enforcement.reinspection-requested.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-lab-gateway --operation Describe --topic platform.listing-signal.v1 --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1 --topic platform.complaint-received.v1.dlq --topic platform.takedown-reported.v1 --topic platform.takedown-reported.v1.dlq --topic planning.batch-issued.v1 --topic planning.batch-issued.v1.dlq --topic planning.sampling-delegated.v1 --topic planning.sampling-delegated.v1.dlq --topic purchasing.order-placed.v1 --topic purchasing.order-placed.v1.dlq --topic evidence.parcel-received.v1 --topic evidence.parcel-received.v1.dlq --topic lab.sample-dispatched.v1.dlq --topic lab.report-issued.v1.dlq --topic enforcement.result-notified.v1 --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1 --topic enforcement.objection-filed.v1.dlq --topic enforcement.result-final.v1 --topic enforcement.result-final.v1.dlq --topic enforcement.case-routed.v1 --topic enforcement.case-routed.v1.dlq --topic enforcement.case-closed.v1 --topic enforcement.case-closed.v1.dlq --topic enforcement.risk-warning-decided.v1 --topic enforcement.risk-warning-decided.v1.dlq --topic disclosure.result-published.v1 --topic disclosure.result-published.v1.dlq
acl qis-lab-gateway --operation Read --operation Describe --group qis-lab-gateway
acl qis-lab-gateway --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-lab-gateway --operation IdempotentWrite --cluster

echo qis-enforcement
scram qis-enforcement QIS_KAFKA_PASSWORD_ENFORCEMENT
acl qis-enforcement --operation Write --operation Describe --topic enforcement.result-notified.v1 --topic enforcement.objection-filed.v1 --topic enforcement.reinspection-requested.v1 --topic enforcement.result-final.v1 --topic enforcement.case-routed.v1 --topic enforcement.case-closed.v1 --topic enforcement.risk-warning-decided.v1
acl qis-enforcement --operation Read --operation Describe --topic platform.takedown-reported.v1 --topic planning.batch-issued.v1 --topic planning.sampling-delegated.v1 --topic purchasing.order-placed.v1 --topic evidence.sample-sealed.v1 --topic lab.sample-dispatched.v1 --topic lab.report-issued.v1
acl qis-enforcement --operation Write --operation Read --operation Describe --topic platform.takedown-reported.v1.dlq --topic planning.batch-issued.v1.dlq --topic planning.sampling-delegated.v1.dlq --topic purchasing.order-placed.v1.dlq --topic evidence.sample-sealed.v1.dlq --topic lab.sample-dispatched.v1.dlq --topic lab.report-issued.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-enforcement --operation Describe --topic platform.listing-signal.v1 --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1 --topic platform.complaint-received.v1.dlq --topic evidence.parcel-received.v1 --topic evidence.parcel-received.v1.dlq --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1.dlq --topic enforcement.reinspection-requested.v1.dlq --topic enforcement.result-final.v1.dlq --topic enforcement.case-routed.v1.dlq --topic enforcement.case-closed.v1.dlq --topic enforcement.risk-warning-decided.v1.dlq --topic disclosure.result-published.v1 --topic disclosure.result-published.v1.dlq
acl qis-enforcement --operation Read --operation Describe --group qis-enforcement
acl qis-enforcement --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-enforcement --operation IdempotentWrite --cluster

echo qis-disclosure
scram qis-disclosure QIS_KAFKA_PASSWORD_DISCLOSURE
acl qis-disclosure --operation Write --operation Describe --topic disclosure.result-published.v1 --topic platform.takedown-reported.v1
acl qis-disclosure --operation Read --operation Describe --topic purchasing.order-placed.v1 --topic enforcement.result-notified.v1 --topic enforcement.objection-filed.v1 --topic enforcement.result-final.v1 --topic enforcement.case-routed.v1 --topic enforcement.case-closed.v1 --topic enforcement.risk-warning-decided.v1
acl qis-disclosure --operation Write --operation Read --operation Describe --topic purchasing.order-placed.v1.dlq --topic enforcement.result-notified.v1.dlq --topic enforcement.objection-filed.v1.dlq --topic enforcement.result-final.v1.dlq --topic enforcement.case-routed.v1.dlq --topic enforcement.case-closed.v1.dlq --topic enforcement.risk-warning-decided.v1.dlq --topic ops.probe.v1 --topic ops.probe.v1.dlq
acl qis-disclosure --operation Describe --topic platform.listing-signal.v1 --topic platform.listing-signal.v1.dlq --topic platform.complaint-received.v1 --topic platform.complaint-received.v1.dlq --topic platform.takedown-reported.v1.dlq --topic planning.batch-issued.v1 --topic planning.batch-issued.v1.dlq --topic planning.sampling-delegated.v1 --topic planning.sampling-delegated.v1.dlq --topic evidence.parcel-received.v1 --topic evidence.parcel-received.v1.dlq --topic evidence.sample-sealed.v1 --topic evidence.sample-sealed.v1.dlq --topic lab.sample-dispatched.v1 --topic lab.sample-dispatched.v1.dlq --topic lab.report-issued.v1 --topic lab.report-issued.v1.dlq --topic enforcement.reinspection-requested.v1 --topic enforcement.reinspection-requested.v1.dlq --topic disclosure.result-published.v1.dlq
acl qis-disclosure --operation Read --operation Describe --group qis-disclosure
acl qis-disclosure --operation Read --operation Describe --operation Delete --resource-pattern-type prefixed --group qis-dlq-reader-
acl qis-disclosure --operation IdempotentWrite --cluster
acl qis-disclosure --operation Create --operation Write --operation Read --operation Describe --operation DescribeConfigs --resource-pattern-type prefixed --topic feed.
acl qis-disclosure --operation Read --operation Describe --resource-pattern-type prefixed --group qis-disclosure.feeds.
acl qis-disclosure --operation Describe --resource-pattern-type prefixed --group feed.
acl qis-disclosure --operation Alter --operation Describe --cluster

echo qis-platform-ingest
scram qis-platform-ingest QIS_KAFKA_PASSWORD_PLATFORM_INGEST
acl qis-platform-ingest --operation Write --operation Describe --topic platform.listing-signal.v1 --topic platform.complaint-received.v1
acl qis-platform-ingest --operation IdempotentWrite --cluster

echo qis-admin
scram qis-admin QIS_KAFKA_PASSWORD_ADMIN
acl qis-admin --operation All --cluster
acl qis-admin --operation All --topic '*'
acl qis-admin --operation All --group '*'

echo "$digest" >"$STAMP"
