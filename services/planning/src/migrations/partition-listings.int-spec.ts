import { randomUUID } from 'node:crypto';
import { CreateAuditLog1763800004000 } from '@qis/audit';
import { createTestDatabase, testDataSource } from '@qis/testing';
import { AddPlanWorkflowActors1764800000100 } from './add-plan-workflow-actors.migration';
import { AddSamplingDelegations1765000000000 } from './add-sampling-delegations.migration';
import { CreatePlanningSchema1764000000000 } from './create-planning-schema.migration';
import { LISTING_PARTITIONS, PartitionListings1765100000000 } from './partition-listings.migration';

const BEFORE = [
  CreateAuditLog1763800004000,
  CreatePlanningSchema1764000000000,
  AddPlanWorkflowActors1764800000100,
  AddSamplingDelegations1765000000000,
];

const insertListing = (id: string) => `
  insert into listing (platform, platform_listing_id, url, title, category, price_fen, shop_name, shop_url,
    seller_name, seller_entity_type, operator_name, observed_at)
  values ('taobao', '${id}', 'https://item.example.com/${id}', '${id}', 'power-strip', 3900, 's', 'https://shop.example.com',
    '卖家', 'enterprise', '浙江天猫网络有限公司', '2026-11-01T00:00:00Z')
  returning id`;

describe('PartitionListings1765100000000', () => {
  it('moves stored listings into hash partitions, keeping their ids, and guards those a batch names', async () => {
    const db = await createTestDatabase('planning_partition');
    const before = testDataSource(db.name, BEFORE);
    try {
      await before.initialize();
      await before.runMigrations();
      const [{ id: kept }] = (await before.query(insertListing('P-1'))) as Array<{ id: string }>;
      const [{ id: named }] = (await before.query(insertListing('P-2'))) as Array<{ id: string }>;
      const planId = randomUUID();
      await before.query(
        `insert into plan (id, kind, title, status, scheme, weights, random_share, seed, author)
         values ($1, 'routine', 't', 'active', '{}', '{}', 0.5, 's', 'planner-li')`,
        [planId],
      );
      await before.query(
        `insert into batch (batch_number, plan_id, listing_id, category, year, follow_up, issued_at)
         values ('HZ2026-000001', $1, $2, 'power-strip', 2026, false, now())`,
        [planId, named],
      );
      await before.destroy();

      const after = testDataSource(db.name, [...BEFORE, PartitionListings1765100000000]);
      await after.initialize();
      try {
        expect((await after.runMigrations()).map((m) => m.name)).toEqual(['PartitionListings1765100000000']);
        const [{ kind, parts }] = (await after.query(
          `select c.relkind as kind, (select count(*)::int from pg_inherits i where i.inhparent = c.oid) as parts
           from pg_class c where c.relname = 'listing'`,
        )) as Array<{ kind: string; parts: number }>;
        expect({ kind, parts }).toEqual({ kind: 'p', parts: LISTING_PARTITIONS });
        const rows = (await after.query('select id, platform_listing_id from listing order by id')) as Array<{
          id: string;
          platform_listing_id: string;
        }>;
        expect(rows).toEqual([
          { id: kept, platform_listing_id: 'P-1' },
          { id: named, platform_listing_id: 'P-2' },
        ]);
        // The sequence goes on numbering after the moved rows, and the upsert key still holds.
        const [{ id: next }] = (await after.query(insertListing('P-3'))) as Array<{ id: string }>;
        expect(BigInt(next)).toBeGreaterThan(BigInt(named));
        await expect(after.query(insertListing('P-3'))).rejects.toThrow(
          /duplicate key value violates unique constraint/,
        );
        // A listing a batch names cannot be deleted; one no batch names can.
        await expect(after.query('delete from listing where id = $1', [named])).rejects.toThrow(
          /named by a selection or a batch/,
        );
        await after.query('delete from listing where id = $1', [kept]);
        expect(
          ((await after.query('select count(*)::int as n from listing')) as Array<{ n: number }>)[0].n,
        ).toBe(2);
      } finally {
        await after.destroy();
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      await db.drop();
    }
  });
});
