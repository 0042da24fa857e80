import { startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import { IdNumberIndexBackfill } from '../identity/id-number-index-backfill';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import { fakeIdentity, PurchasingClient } from '../testing/purchasing-fixtures';

jest.setTimeout(90_000);

describe("blind index of buyers' ID numbers", () => {
  let service: TestService<PurchasingConfig>;
  let client: PurchasingClient;
  let db: DataSource;

  beforeAll(async () => {
    service = await startTestService(purchasingService, identityKeyEnv());
    client = new PurchasingClient(service);
    db = service.app.get(DataSource);
  });

  afterAll(async () => {
    await service?.stop();
  });

  it('refuses registering the same ID number twice (409 naming idNumber, without the number)', async () => {
    const identity = fakeIdentity();
    const first = await client.admin('POST', '/buyers', { userId: 'buyer-bi-1', ...identity });
    expect(first.status).toBe(201);

    const again = await client.admin('POST', '/buyers', {
      ...fakeIdentity(),
      userId: 'buyer-bi-2',
      idNumber: identity.idNumber,
    });
    expect(again.status).toBe(409);
    expect(again.body['errors']).toEqual([
      { field: 'idNumber', reasons: ['a buyer with this ID number is already registered'] },
    ]);
    expect(JSON.stringify(again.body)).not.toContain(identity.idNumber.slice(0, 17));

    // Two at once: the unique index decides, and the loser is the same 409, not a 500.
    const twin = fakeIdentity();
    const racing = await Promise.all(
      ['buyer-bi-3', 'buyer-bi-4'].map((userId) => client.admin('POST', '/buyers', { ...twin, userId })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);

    // The stored index is a keyed digest, not the number.
    const rows: Array<{ idx: string }> = await db.query('select id_number_index as idx from buyer');
    expect(rows.every((r) => r.idx && !r.idx.includes(identity.idNumber.slice(0, 17)))).toBe(true);
  });

  it('fills the index of buyers registered before it existed, leaving a duplicate empty', async () => {
    const identity = fakeIdentity();
    const older = await client.admin('POST', '/buyers', { userId: 'buyer-old-1', ...identity });
    const other = await client.admin('POST', '/buyers', { userId: 'buyer-old-2', ...fakeIdentity() });
    expect([older.status, other.status]).toEqual([201, 201]);
    const expected: Array<{ idx: string }> = await db.query(
      'select id_number_index as idx from buyer where id = $1',
      [older.body['id']],
    );
    // As the migration leaves rows registered before the index.
    await db.query('update buyer set id_number_index = null where id = any($1)', [
      [older.body['id'], other.body['id']],
    ]);

    expect(await service.app.get(IdNumberIndexBackfill).run()).toBe(2);
    const filled: Array<{ idx: string }> = await db.query(
      'select id_number_index as idx from buyer where id = $1',
      [older.body['id']],
    );
    expect(filled[0].idx).toBe(expected[0].idx);
    expect(
      (await client.admin('POST', '/buyers', { userId: 'buyer-old-3', ...identity, realName: '另一人' }))
        .status,
    ).toBe(409);
    expect(await service.app.get(IdNumberIndexBackfill).run()).toBe(0);
  });
});
