import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from 'kafkajs';
import type { KafkaPrincipal } from './kafka-plan';
import { aclEntries, applyAcls } from './provision';

const principal: KafkaPrincipal = {
  user: 'qis-planning',
  labels: {},
  acls: [
    {
      resource: { type: 'topic', name: 'planning.batch-issued.v1', patternType: 'literal' },
      operations: ['Write'],
    },
  ],
};
const grantedByHand: AclEntry = {
  principal: 'User:qis-planning',
  host: '*',
  permissionType: AclPermissionTypes.ALLOW,
  operation: AclOperationTypes.WRITE,
  resourceType: AclResourceTypes.TOPIC,
  resourceName: 'lab.report-issued.v1',
  resourcePatternType: ResourcePatternTypes.LITERAL,
};

/**
 * A broker as KRaft runs it: the controller answers CreateAcls and DeleteAcls at once, and the
 * authorizer (which answers DescribeAcls and decides every request) shows a change only after
 * `lag` more describes, as it does when it replays the metadata log on a loaded machine.
 */
const lagging = (held: AclEntry[], lag: number) => {
  let shown = [...held];
  let target = [...held];
  let until = 0;
  const calls: string[] = [];
  const admin = {
    describeAcls: async () => {
      calls.push('describe');
      if (until > 0 && --until === 0) shown = target;
      return {
        resources: shown.map(({ principal: p, host, operation, permissionType, ...resource }) => ({
          ...resource,
          acls: [{ principal: p, host, operation, permissionType }],
        })),
      };
    },
    createAcls: async ({ acl }: { acl: AclEntry[] }) => {
      calls.push('create');
      target = [...target, ...acl];
      until = lag + 1;
      return true;
    },
    deleteAcls: async ({ filters }: { filters: AclEntry[] }) => {
      calls.push('delete');
      const same = (a: AclEntry, b: AclEntry) =>
        (Object.keys(b) as Array<keyof AclEntry>).every((k) => a[k] === b[k]);
      target = target.filter((e) => !filters.some((f) => same(e, f)));
      until = lag + 1;
      return { filterResponses: [] };
    },
  };
  return { admin: admin as unknown as Admin, calls, shown: () => shown };
};

describe('applying a principal’s ACLs to a broker whose authorizer lags behind its controller', () => {
  it('returns only once the authorizer no longer shows an ACL it removed', async () => {
    const broker = lagging([...aclEntries(principal), grantedByHand], 3);
    await expect(applyAcls(broker.admin, principal, { pollMs: 1 })).resolves.toEqual({
      added: 0,
      removed: 1,
    });
    expect(broker.shown()).toEqual(aclEntries(principal));
    // Three reads still show the ACL; the fourth no longer does.
    expect(broker.calls).toEqual(['describe', 'delete', 'describe', 'describe', 'describe', 'describe']);
  });

  it('returns only once the authorizer shows the ACLs it added', async () => {
    const broker = lagging([], 2);
    await expect(applyAcls(broker.admin, principal, { pollMs: 1 })).resolves.toEqual({
      added: 1,
      removed: 0,
    });
    expect(broker.shown()).toEqual(aclEntries(principal));
  });

  it('fails, naming the principal, when the change does not reach the authorizer in time', async () => {
    const broker = lagging([grantedByHand], Number.MAX_SAFE_INTEGER);
    await expect(applyAcls(broker.admin, principal, { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(
      'User:qis-planning: the broker still shows 1 ACLs missing and 1 stale 30 ms after the change',
    );
  });

  it('reads once and changes nothing when the broker already holds the derived ACLs', async () => {
    const broker = lagging(aclEntries(principal), 3);
    await expect(applyAcls(broker.admin, principal)).resolves.toEqual({ added: 0, removed: 0 });
    expect(broker.calls).toEqual(['describe']);
  });
});
