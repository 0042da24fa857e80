import {
  contracts,
  deadLetterTopic,
  declaredTopics,
  operationalTopics,
  PlatformFeedTopics,
  SERVICES,
  Topics,
  type ServiceName,
} from '@qis/contracts';
import { stringify } from 'yaml';

/**
 * What each stage does on the backbone, derived from libs/contracts: the topics it owns (writes),
 * the topics it consumes (reads, with its consumer group), and from that the Strimzi KafkaTopic per
 * declared topic and the KafkaUser per service with ACLs that let it write only what it owns and
 * read only what it consumes. Written by tools/k8s/generate.ts; never edited by hand.
 */
export interface StagePlan {
  service: ServiceName;
  /** Kafka principal (KafkaUser name): `qis-<service>`. */
  user: string;
  /** The consumer group of its event consumer (no topic prefix in a deployment). */
  consumerGroup: string;
  produces: string[];
  consumes: string[];
}

/**
 * Topics a stage writes although a platform owns them: disclosure forwards each platform's takedown
 * reports from the platform's own topic (services/disclosure relay-takedown-report.usecase.ts).
 */
const RELAYS: Partial<Record<ServiceName, string[]>> = { disclosure: [Topics.TakedownReported] };

/** The principal that brings platforms' listing signals and complaints in (an ingest adapter). */
export const PLATFORM_INGEST_USER = 'qis-platform-ingest';

export const userOf = (service: string): string => `qis-${service}`;

export function stagePlans(): StagePlan[] {
  return SERVICES.map((service) => ({
    service,
    user: userOf(service),
    consumerGroup: `qis-${service}`,
    produces: [
      ...contracts.filter((c) => c.owner === service).map((c) => c.topic),
      ...(RELAYS[service] ?? []),
    ],
    consumes: contracts.filter((c) => c.consumers.includes(service)).map((c) => c.topic),
  }));
}

export type AclOperation =
  | 'All'
  | 'Read'
  | 'Write'
  | 'Create'
  | 'Delete'
  | 'Alter'
  | 'Describe'
  | 'DescribeConfigs'
  | 'IdempotentWrite';

export interface Acl {
  resource:
    { type: 'topic' | 'group'; name: string; patternType: 'literal' | 'prefix' } | { type: 'cluster' };
  operations: AclOperation[];
}

const topic = (
  name: string,
  operations: AclOperation[],
  patternType: 'literal' | 'prefix' = 'literal',
): Acl => ({
  resource: { type: 'topic', name, patternType },
  operations,
});
const group = (
  name: string,
  operations: AclOperation[],
  patternType: 'literal' | 'prefix' = 'literal',
): Acl => ({
  resource: { type: 'group', name, patternType },
  operations,
});

/**
 * The ACLs of one stage's principal:
 * - Write on the topics it owns, Read on the topics it consumes (and its group), nothing else of
 *   another stage: a non-lab principal cannot write `lab.report-issued.v1`;
 * - Write and Read on the dead-letter topics of what it consumes (dead letters; their reader's
 *   throw-away groups `qis-dlq-reader-*`). A replay re-sends to a topic the stage does not own: the
 *   broker refuses it, so replays run as an operator principal (docs/deploy.md);
 * - Describe on every declared topic: at start each service checks the declared topics exist
 *   (listTopics shows only described topics) before it would create a missing one;
 * - the broker probe `ops.probe.v1`, which every service writes and reads;
 * - disclosure: the platforms' feed topics `feed.*` (create, write results, read takedowns), their
 *   groups, and the cluster's Alter/Describe for the platforms' ACLs and SCRAM credentials.
 */
export function stageAcls(plan: StagePlan): Acl[] {
  const acls: Acl[] = [];
  for (const t of plan.produces) acls.push(topic(t, ['Write', 'Describe']));
  for (const t of plan.consumes) {
    acls.push(topic(t, ['Read', 'Describe']));
    acls.push(topic(deadLetterTopic(t), ['Write', 'Read', 'Describe']));
  }
  for (const t of operationalTopics) {
    acls.push(topic(t, ['Write', 'Read', 'Describe']));
    acls.push(topic(deadLetterTopic(t), ['Write', 'Read', 'Describe']));
  }
  // Only what got an ACL above: the dead-letter topic of a topic it owns is written by that topic's
  // consumers, yet the owner must see it too, or its start-up would try to create it.
  const named = new Set([
    ...plan.produces,
    ...[...plan.consumes, ...operationalTopics].flatMap((t) => [t, deadLetterTopic(t)]),
  ]);
  for (const t of declaredTopics()) if (!named.has(t)) acls.push(topic(t, ['Describe']));
  acls.push(group(plan.consumerGroup, ['Read', 'Describe']));
  acls.push(group('qis-dlq-reader-', ['Read', 'Describe', 'Delete'], 'prefix'));
  acls.push({ resource: { type: 'cluster' }, operations: ['IdempotentWrite'] });
  if (plan.service === 'disclosure') {
    const feeds = PlatformFeedTopics.resultsAddress.split('.')[0]; // `feed`
    acls.push(topic(`${feeds}.`, ['Create', 'Write', 'Read', 'Describe', 'DescribeConfigs'], 'prefix'));
    acls.push(group(`${plan.consumerGroup}.feeds.`, ['Read', 'Describe'], 'prefix'));
    acls.push(group(`${feeds}.`, ['Describe'], 'prefix'));
    acls.push({ resource: { type: 'cluster' }, operations: ['Alter', 'Describe'] });
  }
  return acls;
}

/** Which stage owns a topic (for labels), or `platform`. */
const ownerOf = (name: string): string => {
  const base = name.replace(/\.dlq$/, '');
  return (
    contracts.find((c) => c.topic === base)?.owner ?? (operationalTopics.includes(base) ? 'ops' : 'platform')
  );
};

/** Kubernetes object name of a topic: dots become dashes (a KafkaTopic names its topic in spec.topicName). */
const objectName = (name: string): string => name.replace(/\./g, '-');

const HEADER = (what: string) =>
  `# ${what}\n# Generated from libs/contracts by tools/k8s/generate.ts (npm run k8s): do not edit.\n`;

const CLUSTER = 'qis';
const DAY_MS = 24 * 3_600_000;
/** Partitions of every topic: the most consumers of one group that do work (the charts' KAFKA_TOPIC_PARTITIONS). */
export const PARTITIONS = 6;

/** One KafkaTopic per declared topic and its dead-letter topic. */
export function kafkaTopicsYaml(): string {
  const docs = declaredTopics().map((name) =>
    stringify({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaTopic',
      metadata: {
        name: objectName(name),
        labels: { 'strimzi.io/cluster': CLUSTER, 'qis.gov.cn/owner': ownerOf(name) },
      },
      spec: {
        topicName: name,
        partitions: PARTITIONS,
        replicas: 3,
        config: {
          // Dead letters are kept until an operator has dealt with them (KAFKA_DLQ_RETENTION_MS).
          'retention.ms': name.endsWith('.dlq') ? -1 : 30 * DAY_MS,
          'min.insync.replicas': 2,
        },
      },
    }),
  );
  return `${HEADER('Strimzi KafkaTopics: every declared topic and its dead-letter topic (KAFKA_TOPIC_PARTITIONS ${PARTITIONS}).')}---\n${docs.join('---\n')}`;
}

const strimziAcl = (acl: Acl): object => ({
  resource:
    acl.resource.type === 'cluster'
      ? { type: 'cluster' }
      : { type: acl.resource.type, name: acl.resource.name, patternType: acl.resource.patternType },
  operations: acl.operations,
  host: '*',
});

export interface KafkaPrincipal {
  user: string;
  labels: Record<string, string>;
  acls: Acl[];
}

/**
 * Every principal of the backbone with its ACLs: one per stage and the platforms' ingest principal.
 * The one source of the Strimzi KafkaUsers (kafkaUsersYaml) and of the local and Compose
 * provisioning (tools/kafka-acl).
 */
export function kafkaPrincipals(): KafkaPrincipal[] {
  const ingest = contracts
    .filter((c) => c.owner === 'platform' && !Object.values(RELAYS).flat().includes(c.topic))
    .map((c) => topic(c.topic, ['Write', 'Describe']));
  return [
    ...stagePlans().map((plan) => ({
      user: plan.user,
      labels: { 'qis.gov.cn/stage': plan.service },
      acls: stageAcls(plan),
    })),
    {
      user: PLATFORM_INGEST_USER,
      labels: { 'qis.gov.cn/stage': 'platform-ingest' },
      acls: [...ingest, { resource: { type: 'cluster' }, operations: ['IdempotentWrite'] }],
    },
  ];
}

/** One KafkaUser per stage (SCRAM-SHA-512) with its ACLs, and the platforms' ingest principal. */
export function kafkaUsersYaml(): string {
  const docs = kafkaPrincipals().map(({ user, labels, acls }) =>
    stringify({
      apiVersion: 'kafka.strimzi.io/v1beta2',
      kind: 'KafkaUser',
      metadata: { name: user, labels: { 'strimzi.io/cluster': CLUSTER, ...labels } },
      spec: {
        authentication: { type: 'scram-sha-512' },
        authorization: { type: 'simple', acls: acls.map(strimziAcl) },
      },
    }),
  );
  return `${HEADER('Strimzi KafkaUsers: one principal per stage, writing only the topics it owns, reading those it consumes.')}---\n${docs.join('---\n')}`;
}

/** The chart's view of its stage: what the ScaledObject watches and the NetworkPolicy allows. */
export function chartKafkaYaml(plan: StagePlan): string {
  return `${HEADER(`The ${plan.service} stage on the backbone (read by the chart: KEDA triggers, Kafka principal).`)}${stringify(
    {
      user: plan.user,
      consumerGroup: plan.consumerGroup,
      produces: plan.produces,
      consumes: plan.consumes,
    },
  )}`;
}

export interface GeneratedFile {
  path: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: 'deploy/helm/infrastructure/strimzi/kafka-topics.yaml', content: kafkaTopicsYaml() },
    { path: 'deploy/helm/infrastructure/strimzi/kafka-users.yaml', content: kafkaUsersYaml() },
    ...stagePlans().map((plan) => ({
      path: `deploy/helm/${plan.service}/kafka.generated.yaml`,
      content: chartKafkaYaml(plan),
    })),
  ];
}
