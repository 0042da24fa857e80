import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type Admin,
} from 'kafkajs';

/** Deletes every ACL of these users (`User:<name>`); returns how many ACLs went. */
export async function revokeAcls(admin: Admin, users: readonly string[]): Promise<number> {
  if (users.length === 0) return 0;
  const result = await admin.deleteAcls({
    filters: users.map((user) => ({
      principal: `User:${user}`,
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    })) as Parameters<Admin['deleteAcls']>[0]['filters'],
  });
  return result.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0);
}
