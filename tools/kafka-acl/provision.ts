import { declaredTopics } from '@qis/contracts';
import {
  anyAcl,
  loginAccepted,
  provisionTopics,
  revokeAcls,
  ScramCredentials,
  untilLoginAccepted,
  type BrokerLogin,
} from '@qis/messaging';
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

/** The ACL entries the broker holds for a principal, as its authorizer answers. */
async function presentAcls(admin: Admin, principal: KafkaPrincipal): Promise<AclEntry[]> {
  const described = await admin.describeAcls(anyAcl(`User:${principal.user}`));
  return described.resources.flatMap((r) =>
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
}

/** What is derived and not held (missing), and what is held and not derived (stale). */
function aclDifference(wanted: AclEntry[], present: AclEntry[]): { missing: AclEntry[]; stale: AclEntry[] } {
  const presentKeys = new Set(present.map(key));
  const wantedKeys = new Set(wanted.map(key));
  return {
    missing: wanted.filter((e) => !presentKeys.has(key(e))),
    stale: present.filter((e) => !wantedKeys.has(key(e))),
  };
}

/** How long a change may take to reach the broker's authorizer before provisioning fails. */
const ACL_PROPAGATION_TIMEOUT_MS = 30_000;

/**
 * Makes the principal's ACLs exactly the derived ones: adds what is missing, removes what is no
 * longer derived, and returns once the broker enforces the result. Under KRaft the controller answers
 * CreateAcls and DeleteAcls when the change is committed to the metadata log; the broker's authorizer
 * applies it when it replays that log, a moment later (longer on a loaded machine). DescribeAcls is
 * answered by that authorizer, so it is read until it shows the derived ACLs: a principal revoked by
 * provisioning is refused from the moment provisioning returns, not some time after.
 */
export async function applyAcls(
  admin: Admin,
  principal: KafkaPrincipal,
  { timeoutMs = ACL_PROPAGATION_TIMEOUT_MS, pollMs = 100 } = {},
): Promise<{ added: number; removed: number }> {
  const wanted = aclEntries(principal);
  const { missing, stale } = aclDifference(wanted, await presentAcls(admin, principal));
  if (missing.length > 0) await admin.createAcls({ acl: missing });
  if (stale.length > 0) await admin.deleteAcls({ filters: stale });
  if (missing.length + stale.length > 0) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = aclDifference(wanted, await presentAcls(admin, principal));
      if (left.missing.length + left.stale.length === 0) break;
      if (Date.now() > deadline)
        throw new Error(
          `User:${principal.user}: the broker still shows ${left.missing.length} ACLs missing and ` +
            `${left.stale.length} stale ${timeoutMs} ms after the change`,
        );
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
  return { added: missing.length, removed: stale.length };
}

export interface ProvisionOptions {
  /** The SASL listener, where the admin provisions and every principal logs in. */
  brokers: string[];
  /** The admin principal's login (qis-admin, a super user of the broker). */
  login: BrokerLogin;
  /**
   * Where the admin's own credential comes from on a new broker: the broker's INTERNAL listener and
   * the broker's own login (qis-broker, SASL PLAIN), used only when the admin cannot log in yet.
   */
  bootstrap?: { brokers: string[]; login: BrokerLogin };
  /** Each principal's password, by user name. */
  passwords: ReadonlyMap<string, string>;
  prefix?: string;
  /** Only these principals (default: all). */
  only?: (user: string) => boolean;
  /** Principals beyond the backbone's (a test fixture's), under the same prefix. */
  extraPrincipals?: KafkaPrincipal[];
  /** Topics and groups of the backbone: created when missing (a principal may only describe them). */
  topicSettings?: { partitions: number; replicationFactor: number };
  /** Topics beyond the declared ones (a test fixture's), with their dead-letter topics. */
  extraTopics?: string[];
  /** Take back every ACL of User:ANONYMOUS (the unauthenticated listener grants nothing). */
  revokeAnonymous?: boolean;
  log?: (line: string) => void;
}

const adminClient = (brokers: string[], login: BrokerLogin, logLevelOf = logLevel.NOTHING): Admin =>
  new Kafka({
    clientId: 'qis-kafka-acl',
    brokers,
    sasl:
      login.mechanism === 'plain'
        ? { mechanism: 'plain', username: login.username, password: login.password }
        : login.mechanism === 'scram-sha-512'
          ? { mechanism: 'scram-sha-512', username: login.username, password: login.password }
          : { mechanism: 'scram-sha-256', username: login.username, password: login.password },
    logLevel: logLevelOf,
    // New topics' leaders take a while on a busy broker (createTopics waits for them).
    retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 10 },
  }).admin();

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

const scramLogin = (user: string, password: string): BrokerLogin => ({
  mechanism: 'scram-sha-512',
  username: user,
  password,
});

/** Gives the admin its credential through the broker's own listener when it cannot log in yet. */
async function bootstrapAdmin(options: ProvisionOptions, log: (line: string) => void): Promise<void> {
  if (await loginAccepted(options.brokers, options.login)) return;
  if (!options.bootstrap)
    throw new Error(`${options.login.username} cannot log in to ${options.brokers.join(',')}`);
  await new ScramCredentials(options.bootstrap.brokers, options.bootstrap.login).upsert(
    options.login.username,
    options.login.password,
  );
  await untilLoginAccepted(options.brokers, options.login);
  log(`${options.login.username}: SCRAM-SHA-512 and SCRAM-SHA-256 credential set (bootstrap)`);
}

/**
 * Provisions the backbone's principals on a broker as the admin: the topics (when missing), each
 * principal's SCRAM credential (when it does not log in yet) and exactly its derived ACLs.
 * Idempotent.
 */
export async function provisionPrincipals(options: ProvisionOptions): Promise<KafkaPrincipal[]> {
  const log = options.log ?? (() => undefined);
  const principals = [...localPrincipals(options.prefix), ...(options.extraPrincipals ?? [])].filter(
    (p) => options.only?.(p.user) ?? true,
  );
  await bootstrapAdmin(options, log);
  const scram = new ScramCredentials(options.brokers, options.login);
  const admin = adminClient(options.brokers, options.login);
  await admin.connect();
  try {
    if (options.revokeAnonymous) {
      // A client without credentials may do nothing.
      const revoked = await revokeAcls(admin, ['ANONYMOUS']);
      if (revoked > 0) log(`ANONYMOUS: ${revoked} ACLs taken back`);
    }
    if (options.topicSettings) {
      // As the services would make them (libs/runtime bootstrap): 30 days, dead letters kept.
      const topics = [
        ...declaredTopics(),
        ...(options.extraTopics ?? []).flatMap((t) => [t, `${t}.dlq`]),
      ].map((t) => `${options.prefix ?? ''}${t}`);
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
    // Each principal on its own: a test file's seven are ready in about the time of one.
    const lines = await Promise.all(
      principals.map(async (principal) => {
        const password = options.passwords.get(principal.user);
        if (!password) throw new Error(`no password for the Kafka principal ${principal.user}`);
        const done: string[] = [];
        const login = scramLogin(principal.user, password);
        if (!(await loginAccepted(options.brokers, login))) {
          await scram.upsert(principal.user, password);
          await untilLoginAccepted(options.brokers, login);
          done.push(`${principal.user}: SCRAM-SHA-512 and SCRAM-SHA-256 credential set`);
        }
        const { added, removed } = await applyAcls(admin, principal);
        if (added + removed > 0) done.push(`${principal.user}: ${added} ACLs added, ${removed} removed`);
        return done;
      }),
    );
    for (const line of lines.flat()) log(line);
  } finally {
    await admin.disconnect();
  }
  return principals;
}

/** Removes principals' ACLs and SCRAM credentials (tests clean up the principals they made). */
export async function removePrincipals(
  options: Pick<ProvisionOptions, 'brokers' | 'login'>,
  users: readonly string[],
): Promise<void> {
  if (users.length === 0) return;
  const admin = adminClient(options.brokers, options.login, logLevel.ERROR);
  await admin.connect();
  try {
    await revokeAcls(admin, users);
  } finally {
    await admin.disconnect();
  }
  const scram = new ScramCredentials(options.brokers, options.login);
  for (const user of users) await scram.remove(user);
}
