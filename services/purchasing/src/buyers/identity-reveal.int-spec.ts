import { startTestService, type TestService } from '@qis/testing';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import { fakeIdentity, PurchasingClient } from '../testing/purchasing-fixtures';

jest.setTimeout(90_000);

/** The console's "reveal": a buyer's real identity only with a stated reason, audited with it. */
describe("revealing a buyer's real identity states why (real PostgreSQL)", () => {
  let service: TestService<PurchasingConfig>;
  let client: PurchasingClient;
  let buyerId: string;
  const identity = fakeIdentity();

  beforeAll(async () => {
    service = await startTestService(purchasingService, identityKeyEnv());
    client = new PurchasingClient(service);
    const registered = await client.admin('POST', '/buyers', { userId: 'buyer-reveal-1', ...identity });
    expect(registered.status).toBe(201);
    buyerId = registered.body['id'] as string;
  });
  afterAll(() => service?.stop());

  const audit = () =>
    client.call('GET', `/audit?entityType=buyer&entityId=${buyerId}&action=buyer.identity.read`, {
      roles: ['auditor'],
      sub: 'auditor-qian',
    });

  it('refuses a reveal without a reason, or a blank one, with 400 naming reason and nothing decrypted', async () => {
    for (const body of [{}, { reason: '   ' }, { reason: 'ab' }]) {
      const res = await client.admin('POST', `/buyers/${buyerId}/identity-reveals`, body);
      expect(res.status).toBe(400);
      expect((res.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(['reason']);
      expect(JSON.stringify(res.body)).not.toContain(identity.realName);
    }
    const { body } = await audit();
    expect(body['items']).toEqual([]);
  });

  it('reveals with a reason: the identity, and the audit log names the reader and the reason', async () => {
    const reason = '核对承诺书签署人: 投诉 2026-118';
    const res = await client.admin('POST', `/buyers/${buyerId}/identity-reveals`, { reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: buyerId,
      realName: identity.realName,
      idNumber: identity.idNumber,
      phone: identity.phone,
    });
    const { status, body } = await audit();
    expect(status).toBe(200);
    expect(body['items']).toEqual([
      expect.objectContaining({
        action: 'buyer.identity.read',
        actor: 'admin-zhou',
        entityId: buyerId,
        outcome: 'success',
        detail: { reason },
      }),
    ]);
  });

  it('answers an unknown buyer with 404 and no identity, and a buyer or approver with 403', async () => {
    const unknown = await client.admin(
      'POST',
      '/buyers/0b6f7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d/identity-reveals',
      {
        reason: '核对身份',
      },
    );
    expect(unknown.status).toBe(404);
    for (const roles of [['buyer'], ['approver'], ['auditor']]) {
      const res = await client.call(
        'POST',
        `/buyers/${buyerId}/identity-reveals`,
        { roles },
        { reason: '核对身份' },
      );
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(identity.realName);
    }
  });

  it('lists seller blacklistings for admins, filtered by target; a bad filter is 400 naming it', async () => {
    const all = await client.admin('GET', '/blacklists');
    expect(all.status).toBe(200);
    expect(Array.isArray(all.body)).toBe(true);
    const bad = await client.admin('GET', '/blacklists?targetKind=shop');
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(['targetKind']);
  });

  it('shows the rotation state of addresses and accounts: when each was last used', async () => {
    const added = await client.admin('POST', `/buyers/${buyerId}/accounts`, {
      platform: 'taobao',
      accountName: 'tb_reveal',
      alias: 'A-rv',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ lastUsedAt: null });
  });
});
