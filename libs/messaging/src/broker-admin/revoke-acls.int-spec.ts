import { expectEventually, uniqueName } from '@qis/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type Admin,
} from 'kafkajs';
import { kafkaConnection } from '../kafka-options';
import { aclsByPrincipal, MAX_ACLS_PER_DELETE, revokeAcls } from './revoke-acls';

/**
 * On the real broker: users holding more ACLs together than one deleteAcls request may take lose
 * all of them, in requests each under the limit, and nobody else loses any.
 */
describe('revokeAcls', () => {
  const prefix = `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${uniqueName('revoke').replace(/_/g, '-')}.`;
  let admin: Admin;

  beforeAll(async () => {
    admin = new Kafka({
      ...kafkaConnection(),
      clientId: 'revoke-acls-test',
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
  });
  afterAll(async () => {
    await revokeAcls(admin, [`${prefix}bystander`]);
    await admin.disconnect();
  });

  const grant = async (user: string, count: number) => {
    for (let from = 0; from < count; from += 2_000)
      await admin.createAcls({
        acl: Array.from({ length: Math.min(2_000, count - from) }, (_, i) => ({
          principal: `User:${prefix}${user}`,
          host: '*',
          resourceType: AclResourceTypes.TOPIC,
          resourceName: `${prefix}topic-${from + i}`,
          resourcePatternType: ResourcePatternTypes.LITERAL,
          operation: AclOperationTypes.READ,
          permissionType: AclPermissionTypes.ALLOW,
        })),
      });
  };
  const held = async () =>
    Object.fromEntries(
      [...(await aclsByPrincipal(admin))]
        .filter(([principal]) => principal.startsWith(`User:${prefix}`))
        .map(([principal, n]) => [principal.slice(`User:${prefix}`.length), n]),
    );

  it('deletes every ACL of the users, in requests of at most MAX_ACLS_PER_DELETE ACLs each', async () => {
    await grant('many', 3_000);
    await grant('more', 2_600);
    await grant('one', 1);
    await grant('bystander', 2);
    // The broker answers describeAcls from its copy of the metadata, which follows the controller's.
    await expectEventually(async () =>
      expect(await held()).toEqual({ many: 3_000, more: 2_600, one: 1, bystander: 2 }),
    );

    const requests: number[] = [];
    const deleteAcls = admin.deleteAcls.bind(admin);
    const spy = jest.spyOn(admin, 'deleteAcls').mockImplementation(async (request) => {
      const result = await deleteAcls(request);
      requests.push(result.filterResponses.reduce((n, r) => n + r.matchingAcls.length, 0));
      return result;
    });
    try {
      const revoked = await revokeAcls(
        admin,
        ['many', 'more', 'one', 'nobody'].map((u) => `${prefix}${u}`),
      );
      expect(revoked).toBe(5_601);
    } finally {
      spy.mockRestore();
    }
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((n) => n <= MAX_ACLS_PER_DELETE)).toBe(true);
    expect(requests.reduce((a, b) => a + b, 0)).toBe(5_601);
    await expectEventually(async () => expect(await held()).toEqual({ bystander: 2 }));
  }, 120_000);
});
