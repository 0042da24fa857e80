import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type Admin,
} from 'kafkajs';

/**
 * ACLs deleted by one request at most. Kafka's KRaft controller commits a deleteAcls request's
 * records atomically and refuses more than 10,000 at once ("Attempted to atomically commit 10057
 * records, but maxRecordsPerBatch is 10000"), failing the whole request: the test harness's
 * clean-up of abandoned test principals met that and then failed on every run, so they piled up.
 */
export const MAX_ACLS_PER_DELETE = 5_000;

type AclFilter = Parameters<Admin['describeAcls']>[0];

/** A filter matching every ACL, or every ACL of one principal (`User:<name>`). */
export const anyAcl = (principal?: string): AclFilter =>
  ({
    ...(principal === undefined ? {} : { principal }),
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  }) as AclFilter;

/** How many ACLs each principal (`User:<name>`) holds, as the broker answers: one describeAcls. */
export async function aclsByPrincipal(admin: Admin): Promise<Map<string, number>> {
  const held = new Map<string, number>();
  const described = await admin.describeAcls(anyAcl());
  for (const resource of described.resources)
    for (const acl of resource.acls) held.set(acl.principal, (held.get(acl.principal) ?? 0) + 1);
  return held;
}

/**
 * Deletes every ACL of these users (`User:<name>`); returns how many ACLs went. Users are deleted
 * in requests of at most MAX_ACLS_PER_DELETE ACLs, a user with more alone, counted from `held`
 * (aclsByPrincipal's answer) when the caller has it, else asked first.
 */
export async function revokeAcls(
  admin: Admin,
  users: readonly string[],
  held?: ReadonlyMap<string, number>,
): Promise<number> {
  if (users.length === 0) return 0;
  const counts = held ?? (await aclsByPrincipal(admin));

  let revoked = 0;
  let batch: string[] = [];
  let inBatch = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await admin.deleteAcls({
      filters: batch.map((user) => anyAcl(`User:${user}`)) as Parameters<Admin['deleteAcls']>[0]['filters'],
    });
    revoked += result.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
    batch = [];
    inBatch = 0;
  };
  for (const user of new Set(users)) {
    // A user with none yet still gets its filter: one granted meanwhile goes as well.
    const acls = Math.max(1, counts.get(`User:${user}`) ?? 0);
    if (inBatch + acls > MAX_ACLS_PER_DELETE) await flush();
    batch.push(user);
    inBatch += acls;
  }
  await flush();
  return revoked;
}
