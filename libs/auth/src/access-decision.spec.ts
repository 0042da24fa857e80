import { allows, queryScope, scopeWhere } from './access-decision';
import { findInScopeOrNotFound } from './not-found';
import type { Principal } from './principal';
import { Policy } from './policy.decorator';

const lab = (labId?: string): Principal => ({ sub: 'u-lab', roles: ['lab'], ...(labId ? { labId } : {}) });
const officer = (jurisdiction: string): Principal => ({
  sub: 'u-officer',
  roles: ['enforcement-officer'],
  jurisdiction,
});

describe('access decisions', () => {
  it('allows a role the policy names and refuses the others', () => {
    expect(allows({ roles: ['planner', 'approver'] }, { sub: 'a', roles: ['approver'] })).toBe(true);
    expect(allows({ roles: ['planner'] }, { sub: 'a', roles: ['buyer', 'lab'] })).toBe(false);
    expect(allows({ roles: ['planner'] }, { sub: 'a', roles: [] })).toBe(false);
  });

  it("does not count a scoped role whose token lacks the scope's claim", () => {
    const policy = { roles: ['lab', 'auditor'] as const, scope: 'lab' as const };
    expect(allows(policy, lab('L001'))).toBe(true);
    expect(allows(policy, lab())).toBe(false);
    expect(allows(policy, { sub: 'a', roles: ['auditor'] })).toBe(true);
  });

  it('refuses, when declared, a scope whose role the policy does not name', () => {
    expect(() => Policy({ roles: ['auditor'], scope: 'lab' })).toThrow(/needs the role 'lab'/);
    expect(() => Policy({ roles: [] })).toThrow(/at least one role/);
  });
});

describe('query scoping', () => {
  it('narrows a lab to its own samples and leaves unrestricted roles unrestricted', () => {
    expect(scopeWhere(queryScope(lab('L001'), 'lab', ['auditor']), 'labId')).toEqual({ labId: 'L001' });
    expect(scopeWhere(queryScope({ sub: 'a', roles: ['auditor'] }, 'lab', ['auditor']), 'labId')).toEqual({});
    expect(scopeWhere(queryScope({ sub: 'a', roles: ['buyer'] }, 'lab', ['auditor']), 'labId')).toBeNull();
  });

  it('narrows a platform to its own results', () => {
    const platform: Principal = { sub: 'p', roles: ['platform'], platformId: 'P-TAOBAO' };
    expect(scopeWhere(queryScope(platform, 'platform', []), 'platformId')).toEqual({
      platformId: 'P-TAOBAO',
    });
  });

  it('narrows an officer to the codes under their jurisdiction', () => {
    const where = scopeWhere<{ jurisdiction: string }>(
      queryScope(officer('330100'), 'jurisdiction', []),
      'jurisdiction',
    );
    expect(where?.jurisdiction).toMatchObject({ type: 'like', value: '3301%' });
  });

  it('answers an out-of-scope id exactly like a missing one', async () => {
    const rows = [{ id: 's1', labId: 'L002' }];
    const repository = {
      findOneBy: async (where: Record<string, unknown>) =>
        rows.find((r) => Object.entries(where).every(([k, v]) => r[k as keyof typeof r] === v)) ?? null,
    };
    const find = (id: string, principal: Principal) =>
      findInScopeOrNotFound(repository, {
        where: { id },
        scope: scopeWhere(queryScope(principal, 'lab', ['auditor']), 'labId'),
        entity: 'sample',
        id,
      });
    await expect(find('s1', lab('L002'))).resolves.toEqual(rows[0]);
    const foreign = await find('s1', lab('L001')).catch(
      (e: { getResponse(): unknown; getStatus(): number }) => e,
    );
    const missing = await find('s1', { sub: 'x', roles: ['buyer'] }).catch(
      (e: { getResponse(): unknown; getStatus(): number }) => e,
    );
    const absent = await find('s9', lab('L001')).catch(
      (e: { getResponse(): unknown; getStatus(): number }) => e,
    );
    for (const e of [foreign, missing]) {
      expect((e as { getStatus(): number }).getStatus()).toBe(404);
      expect((e as { getResponse(): unknown }).getResponse()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        code: 'not_found',
        message: 'sample s1 not found',
      });
    }
    expect((absent as { getResponse(): unknown }).getResponse()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'not_found',
      message: 'sample s9 not found',
    });
  });
});
