import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { declaredTopics } from '@qis/contracts';
import { provisionTopics } from '@qis/messaging';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from 'kafkajs';
import type { Acl, AclOperation, KafkaPrincipal } from './kafka-plan';
import { localPrincipals } from './principals';

const OPERATION: Record<AclOperation, AclOperationTypes> = {
  All: AclOperationTypes.ALL,
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Create: AclOperationTypes.CREATE,
  Delete: AclOperationTypes.DELETE,
  Alter: AclOperationTypes.ALTER,
  Describe: AclOperationTypes.DESCRIBE,
  DescribeConfigs: AclOperationTypes.DESCRIBE_CONFIGS,
  IdempotentWrite: AclOperationTypes.IDEMPOTENT_WRITE,
};

/** The broker's ACL entries of a principal: one per resource and operation. */
export function aclEntries(principal: KafkaPrincipal): AclEntry[] {
  return principal.acls.flatMap((acl: Acl) =>
    acl.operations.map((operation) => ({
      principal: `User:${principal.user}`,
      host: '*',
      permissionType: AclPermissionTypes.ALLOW,
      operation: OPERATION[operation],
      ...(acl.resource.type === 'cluster'
        ? {
            resourceType: AclResourceTypes.CLUSTER,
            resourceName: 'kafka-cluster',
            resourcePatternType: ResourcePatternTypes.LITERAL,
          }
        : {
            resourceType: acl.resource.type === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
            resourceName: acl.resource.name,
            resourcePatternType:
              acl.resource.patternType === 'prefix'
                ? ResourcePatternTypes.PREFIXED
                : ResourcePatternTypes.LITERAL,
          }),
    })),
  );
}

const key = (e: AclEntry): string =>
  [
    e.principal,
    e.host,
    e.permissionType,
    e.operation,
    e.resourceType,
    e.resourceName,
    e.resourcePatternType,
  ].join('|');

/** Makes the principal's ACLs exactly the derived ones: adds what is missing, removes what is no longer derived. */
async function applyAcls(
  admin: Admin,
  principal: KafkaPrincipal,
): Promise<{ added: number; removed: number }> {
  const wanted = aclEntries(principal);
  const described = await admin.describeAcls({
    principal: `User:${principal.user}`,
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  } as Parameters<Admin['describeAcls']>[0]);
  const present: AclEntry[] = described.resources.flatMap((r) =>
    r.acls.map((a) => ({
      principal: a.principal,
      host: a.host,
      operation: a.operation,
      permissionType: a.permissionType,
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      resourcePatternType: r.resourcePatternType,
    })),
  );
  const presentKeys = new Set(present.map(key));
  const wantedKeys = new Set(wanted.map(key));
  const missing = wanted.filter((e) => !presentKeys.has(key(e)));
  const stale = present.filter((e) => !wantedKeys.has(key(e)));
  if (missing.length > 0) await admin.createAcls({ acl: missing });
  if (stale.length > 0) await admin.deleteAcls({ filters: stale });
  return { added: missing.length, removed: stale.length };
}

export interface ProvisionOptions {
  /** Trusted listener for provisioning (the broker's loopback PLAINTEXT, where ANONYMOUS is super user). */
  brokers: string[];
  /** The SASL listener; a principal that already authenticates there keeps its credential. */
  saslBrokers: string[];
  /** Folder of the Kafka jars (kafka-configs.sh is kafka.admin.ConfigCommand in them). */
  kafkaLib: string;
  /** Each principal's password, by user name. */
  passwords: ReadonlyMap<string, string>;
  /** Mechanism the SASL listener offers, to check a credential with. */
  mechanism?: 'scram-sha-256' | 'scram-sha-512';
  prefix?: string;
  /** Only these principals (default: all). */
  only?: (user: string) => boolean;
  /** Topics and groups of the backbone: created when missing (a principal may only describe them). */
  topicSettings?: { partitions: number; replicationFactor: number };
  log?: (line: string) => void;
}

async function authenticates(
  saslBrokers: string[],
  mechanism: 'scram-sha-256' | 'scram-sha-512',
  username: string,
  password: string,
): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'qis-kafka-acl-check',
    brokers: saslBrokers,
    sasl:
      mechanism === 'scram-sha-512'
        ? { mechanism: 'scram-sha-512', username, password }
        : { mechanism: 'scram-sha-256', username, password },
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
    connectionTimeout: 5_000,
  }).admin();
  try {
    await admin.connect();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

const run = promisify(execFile);

/** kafka-configs.sh on a user: Kafka's ConfigCommand from the jars, through the trusted listener. */
const configUser = (
  options: Pick<ProvisionOptions, 'brokers' | 'kafkaLib'>,
  user: string,
  ...change: string[]
): Promise<unknown> =>
  run(
    'java',
    [
      '-Xmx128m',
      '-cp',
      `${options.kafkaLib}/*`,
      'kafka.admin.ConfigCommand',
      '--bootstrap-server',
      options.brokers.join(','),
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      user,
      ...change,
    ],
    { timeout: 120_000 },
  );

/**
 * Retries an idempotent step while a busy broker settles: createTopics waits for the new topics'
 * leaders and kafkajs gives up on a metadata answer that does not know them yet.
 */
async function settled<T>(step: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
  }
}

/**
 * Sets SCRAM-SHA-256 and SCRAM-SHA-512 credentials with kafka-configs.sh (ConfigCommand, KIP-554
 * through the admin API). The password goes in a file of this process's own temporary folder
 * (mode 600), never on a command line; one mechanism per call (ConfigCommand refuses two in one
 * request from a file).
 */
async function setScramCredentials(options: ProvisionOptions, user: string, password: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'qis-kafka-acl-'));
  try {
    for (const line of [
      'SCRAM-SHA-256=iterations=8192,password=',
      'SCRAM-SHA-512=iterations=8192,password=',
    ]) {
      const file = path.join(dir, 'credential.properties');
      await writeFile(file, `${line}${password}\n`, { mode: 0o600 });
      await configUser(options, user, '--add-config-file', file);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until the SASL listener accepts the new credential (the broker applies it after the controller commits it). */
async function untilAuthenticates(options: ProvisionOptions, user: string, password: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  const mechanism = options.mechanism ?? 'scram-sha-256';
  while (!(await authenticates(options.saslBrokers, mechanism, user, password))) {
    if (Date.now() > deadline) throw new Error(`the SASL listener does not accept ${user}'s new credential`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Provisions the backbone's principals on a broker: the topics (when missing), each principal's
 * SCRAM credential (when it does not authenticate yet) and exactly its derived ACLs. Idempotent.
 */
export async function provisionPrincipals(options: ProvisionOptions): Promise<KafkaPrincipal[]> {
  const log = options.log ?? (() => undefined);
  const principals = localPrincipals(options.prefix).filter((p) => options.only?.(p.user) ?? true);
  const admin = new Kafka({
    clientId: 'qis-kafka-acl',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
    // New topics' leaders take a while on a busy broker (createTopics waits for them).
    retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 10 },
  }).admin();
  await admin.connect();
  try {
    if (options.topicSettings) {
      // As the services would make them (libs/runtime bootstrap): 30 days, dead letters kept.
      const topics = declaredTopics().map((t) => `${options.prefix ?? ''}${t}`);
      const settings = (retentionMs: number) => ({
        ...options.topicSettings!,
        configEntries: { 'retention.ms': String(retentionMs) },
      });
      const created = [
        ...(await settled(() =>
          provisionTopics(
            admin,
            topics.filter((t) => !t.endsWith('.dlq')),
            settings(30 * 24 * 3_600_000),
          ),
        )),
        ...(await settled(() =>
          provisionTopics(
            admin,
            topics.filter((t) => t.endsWith('.dlq')),
            settings(-1),
          ),
        )),
      ];
      if (created.length > 0) log(`created ${created.length} topics`);
    }
    for (const principal of principals) {
      const password = options.passwords.get(principal.user);
      if (!password) throw new Error(`no password for the Kafka principal ${principal.user}`);
      const mechanism = options.mechanism ?? 'scram-sha-256';
      if (!(await authenticates(options.saslBrokers, mechanism, principal.user, password))) {
        await setScramCredentials(options, principal.user, password);
        await untilAuthenticates(options, principal.user, password);
        log(`${principal.user}: SCRAM-SHA-256 and SCRAM-SHA-512 credential set`);
      }
      const { added, removed } = await applyAcls(admin, principal);
      if (added + removed > 0) log(`${principal.user}: ${added} ACLs added, ${removed} removed`);
    }
  } finally {
    await admin.disconnect();
  }
  return principals;
}

/** Removes principals' ACLs and SCRAM credentials (tests clean up the principals they made). */
export async function removePrincipals(
  options: Pick<ProvisionOptions, 'brokers' | 'kafkaLib'>,
  users: readonly string[],
): Promise<void> {
  const admin = new Kafka({
    clientId: 'qis-kafka-acl',
    brokers: options.brokers,
    logLevel: logLevel.ERROR,
  }).admin();
  await admin.connect();
  try {
    await admin.deleteAcls({
      filters: users.map((user) => ({
        principal: `User:${user}`,
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      })) as Parameters<Admin['deleteAcls']>[0]['filters'],
    });
  } finally {
    await admin.disconnect();
  }
  for (const user of users)
    await configUser(options, user, '--delete-config', 'SCRAM-SHA-256,SCRAM-SHA-512').catch(() => undefined);
}
