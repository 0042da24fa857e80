import { CreateAuditLog1763800004000 } from '@qis/audit';
import { createTestDatabase, testDataSource } from '@qis/testing';
import type { DataSource } from 'typeorm';
import { AddListingRisk1765200000000 } from './add-listing-risk.migration';
import { AddPlanWorkflowActors1764800000100 } from './add-plan-workflow-actors.migration';
import { AddSamplingDelegations1765000000000 } from './add-sampling-delegations.migration';
import { CreatePlanningSchema1764000000000 } from './create-planning-schema.migration';
import { PartitionListings1765100000000 } from './partition-listings.migration';

const BEFORE = [
  CreateAuditLog1763800004000,
  CreatePlanningSchema1764000000000,
  AddPlanWorkflowActors1764800000100,
  AddSamplingDelegations1765000000000,
  PartitionListings1765100000000,
];

interface Listing {
  id: string;
  category?: string | null;
  priceFen?: number;
  seller?: string | null;
  brandSpecKey?: string | null;
}

const insertListings = (ds: DataSource, listings: Listing[]) =>
  ds.query(
    `insert into listing (platform, platform_listing_id, url, title, category, brand_spec_key, price_fen,
       monthly_sales, bad_rating_rate, promo_hits, shop_name, shop_url, seller_name, seller_entity_type,
       seller_credit_code, seller_area_code, operator_name, operator_area_code, observed_at)
     select 'taobao', u.id, 'https://item.example.com/' || u.id, u.id, u.category, u.brand_spec_key, u.price_fen,
       120, 0.05, 1, 's', 'https://shop.example.com', '卖家', 'enterprise', u.seller, '330106', '浙江天猫网络有限公司',
       '330110', '2026-11-01T00:00:00Z'
     from jsonb_to_recordset($1::jsonb) as u(id text, category text, price_fen int8, seller text, brand_spec_key text)`,
    [
      JSON.stringify(
        listings.map((l) => ({
          id: l.id,
          category: l.category === undefined ? 'power-strip' : l.category,
          price_fen: l.priceFen ?? 3900,
          seller: l.seller === undefined ? '91330100MA0000001X' : l.seller,
          brand_spec_key: l.brandSpecKey === undefined ? 'gongniu|gn-b2040' : l.brandSpecKey,
        })),
      ),
    ],
  );

const insertSignal = (ds: DataSource, externalId: string, on: { listing?: string; seller?: string }) =>
  ds.query(
    `insert into signal (kind, source, external_id, platform, platform_listing_id, seller_credit_code, summary, received_at)
     values ('complaint', '12315', $1, $2, $3, $4, '投诉', now())`,
    [externalId, on.listing ? 'taobao' : null, on.listing ?? null, on.seller ?? null],
  );

const insertFailure = (ds: DataSource, batchNumber: string, on: { seller?: string; brand?: string }) =>
  ds.query(
    `insert into past_failure (batch_number, category, seller_credit_code, seller_name, brand_key, failing_items, final_at)
     values ($1, 'power-strip', $2, '卖家', $3, '[]', now())`,
    [batchNumber, on.seller ?? null, on.brand ?? null],
  );

/** Each listing's facts as stored, by platform listing id. */
async function stored(ds: DataSource): Promise<Record<string, unknown>> {
  const rows = (await ds.query(
    `select platform_listing_id as id, category, price_fen::int as price, complaints, past_failures
     from listing_risk order by 1`,
  )) as Array<{ id: string }>;
  return Object.fromEntries(rows.map(({ id, ...facts }) => [id, facts]));
}

/** The same facts counted from scratch, as scoring counted them before they were kept. */
async function counted(ds: DataSource): Promise<Record<string, unknown>> {
  const rows = (await ds.query(
    `select l.platform_listing_id as id, l.category, l.price_fen::int as price,
       (select count(*)::int from signal s where s.platform = l.platform and s.platform_listing_id = l.platform_listing_id)
       + (select count(*)::int from signal s where s.seller_credit_code = l.seller_credit_code) as complaints,
       (select count(*)::int from past_failure f where f.seller_credit_code = l.seller_credit_code)
       + (select count(*)::int from past_failure f where f.brand_key = split_part(l.brand_spec_key, '|', 1))
         as past_failures
     from listing l where l.category is not null order by 1`,
  )) as Array<{ id: string }>;
  return Object.fromEntries(rows.map(({ id, ...facts }) => [id, facts]));
}

/** Row versions of the stored facts, by platform listing id. */
async function versions(ds: DataSource): Promise<Map<string, string>> {
  const rows = (await ds.query(
    'select platform_listing_id as id, xmin::text as v from listing_risk',
  )) as Array<{
    id: string;
    v: string;
  }>;
  return new Map(rows.map((r) => [r.id, r.v]));
}

describe('AddListingRisk1765200000000 (risk facts kept as listings, signals and failures are written)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('planning_listing_risk');
    const before = testDataSource(db.name, BEFORE);
    await before.initialize();
    try {
      await before.runMigrations();
      // Stored before the migration: its facts are filled in from what is there.
      await insertListings(before, [
        { id: 'A1' },
        { id: 'A2', seller: '91330100MA0000002X', brandSpecKey: 'delixi|cd98' },
        { id: 'A3', category: null },
      ]);
      await insertSignal(before, 'S-1', { listing: 'A1' });
      await insertSignal(before, 'S-2', { seller: '91330100MA0000001X' });
      await insertFailure(before, 'HZ2026-000001', { brand: 'delixi' });
    } finally {
      await before.destroy();
    }
    ds = testDataSource(db.name, [...BEFORE, AddListingRisk1765200000000]);
    await ds.initialize();
    expect((await ds.runMigrations()).map((m) => m.name)).toEqual(['AddListingRisk1765200000000']);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('fills in the facts of the listings stored before it, leaving out those without a category', async () => {
    expect(await stored(ds)).toEqual({
      A1: { category: 'power-strip', price: 3900, complaints: 2, past_failures: 0 },
      A2: { category: 'power-strip', price: 3900, complaints: 0, past_failures: 1 },
    });
    expect(await stored(ds)).toEqual(await counted(ds));
  });

  it('keeps each category in its own partition', async () => {
    await insertListings(ds, [{ id: 'C1', category: 'silk-quilt' }]);
    const parts = (await ds.query(
      `select tableoid::regclass::text as part, category from listing_risk
       where platform_listing_id in ('A1', 'C1') order by category`,
    )) as Array<{ part: string; category: string }>;
    expect(parts.map((p) => p.part)).toHaveLength(2);
    expect(parts[0].part).not.toBe(parts[1].part);
    // A category is read from its partition alone.
    const plan = (await ds.query(
      `explain (costs off) select * from listing_risk where category = 'power-strip'`,
    )) as Array<{ 'QUERY PLAN': string }>;
    const scanned = plan.map((r) => r['QUERY PLAN']).filter((line) => /listing_risk_p\d+/.test(line));
    expect(scanned).toHaveLength(1);
  });

  it('counts the complaints of a listing and of its seller when a signal arrives or goes', async () => {
    await insertListings(ds, [
      { id: 'B1', seller: '91330100MA0000003X' },
      { id: 'B2', seller: '91330100MA0000003X' },
      { id: 'B3', seller: null },
    ]);
    await insertSignal(ds, 'S-3', { listing: 'B1', seller: '91330100MA0000003X' });
    await insertSignal(ds, 'S-4', { listing: 'B3' });
    const facts = await stored(ds);
    expect(facts['B1']).toMatchObject({ complaints: 2 });
    expect(facts['B2']).toMatchObject({ complaints: 1 });
    expect(facts['B3']).toMatchObject({ complaints: 1 });
    await ds.query(`delete from signal where external_id = 'S-3'`);
    expect((await stored(ds))['B1']).toMatchObject({ complaints: 0 });
    expect(await stored(ds)).toEqual(await counted(ds));
  });

  it("counts the past failures of a seller's and of a brand's listings when a failure is recorded", async () => {
    await insertListings(ds, [
      { id: 'F1', seller: '91330100MA0000004X', brandSpecKey: 'opple|x1' },
      { id: 'F2', seller: '91330100MA0000005X', brandSpecKey: 'opple|x2' },
      { id: 'F3', seller: '91330100MA0000004X', brandSpecKey: null },
    ]);
    await insertFailure(ds, 'HZ2026-000002', { seller: '91330100MA0000004X', brand: 'opple' });
    const facts = await stored(ds);
    expect(facts['F1']).toMatchObject({ past_failures: 2 });
    expect(facts['F2']).toMatchObject({ past_failures: 1 });
    expect(facts['F3']).toMatchObject({ past_failures: 1 });
    expect(await stored(ds)).toEqual(await counted(ds));
  });

  it('writes again only the facts of listings whose facts changed', async () => {
    await insertListings(ds, [{ id: 'R1' }, { id: 'R2' }, { id: 'R3' }]);
    const before = await versions(ds);
    await ds.query(`update listing set price_fen = 4100 where platform_listing_id = 'R1'`);
    // A new title changes no fact: its facts keep their row version.
    await ds.query(`update listing set title = '新标题' where platform_listing_id = 'R2'`);
    const after = await versions(ds);
    const rewritten = [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
    expect(rewritten).toEqual(['R1']);
    expect((await stored(ds))['R1']).toMatchObject({ price: 4100 });
  });

  it('moves the facts of a listing that changes category, and drops those of one that loses it or is deleted', async () => {
    await insertListings(ds, [{ id: 'M1' }, { id: 'M2' }, { id: 'M3' }]);
    await ds.query(`update listing set category = 'silk-quilt' where platform_listing_id = 'M1'`);
    await ds.query(`update listing set category = null where platform_listing_id = 'M2'`);
    await ds.query(`delete from listing where platform_listing_id = 'M3'`);
    const facts = await stored(ds);
    expect(facts['M1']).toMatchObject({ category: 'silk-quilt' });
    expect(facts['M2']).toBeUndefined();
    expect(facts['M3']).toBeUndefined();
    expect(
      (
        (await ds.query(
          `select count(*)::int as n from listing_risk where platform_listing_id = 'M1'`,
        )) as Array<{
          n: number;
        }>
      )[0].n,
    ).toBe(1);
    expect(await stored(ds)).toEqual(await counted(ds));
  });

  it('counts a signal recorded while a listing of its seller is being written (neither misses the other)', async () => {
    const seller = '91330100MA0000009X';
    // A signal about the seller, recorded and not yet committed: its re-count has run.
    const recording = ds.createQueryRunner();
    await recording.connect();
    try {
      await recording.startTransaction();
      await recording.query(
        `insert into signal (kind, source, external_id, seller_credit_code, summary, received_at)
         values ('complaint', '12315', 'S-RACE', $1, '投诉', now())`,
        [seller],
      );
      // Meanwhile a listing of that seller is written: it cannot count the uncommitted signal, and
      // the signal's re-count did not see the listing. It waits for the signal to commit.
      let written = false;
      const writing = insertListings(ds, [{ id: 'RACE1', seller }]).then(() => (written = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(written).toBe(false);
      await recording.commitTransaction();
      await writing;
    } finally {
      await recording.release();
    }
    expect((await stored(ds))['RACE1']).toMatchObject({ complaints: 1 });
    expect(await stored(ds)).toEqual(await counted(ds));
  });

  it('keeps the facts of listings an upsert writes, in the statement that writes them', async () => {
    // The import's way: COPY-like bulk insert, then an upsert of the next day's observations.
    await insertListings(
      ds,
      Array.from({ length: 200 }, (_, i) => ({ id: `U${i}`, seller: `9133010${String(i % 7)}MA0000000X` })),
    );
    await insertSignal(ds, 'S-5', { seller: '91330103MA0000000X' });
    await ds.query(
      `insert into listing (platform, platform_listing_id, url, title, category, price_fen, shop_name, shop_url,
         seller_name, seller_entity_type, seller_credit_code, operator_name, observed_at)
       select 'taobao', 'U' || i, 'u', 'u', 'power-strip', 5000 + i, 's', 's', '卖家', 'enterprise',
         '9133010' || (i % 7) || 'MA0000000X', 'o', '2026-11-02T00:00:00Z'
       from generate_series(0, 249) i
       on conflict (platform, platform_listing_id) do update set price_fen = excluded.price_fen`,
    );
    expect(await stored(ds)).toEqual(await counted(ds));
    expect((await stored(ds))['U3']).toMatchObject({ price: 5003, complaints: 1 });
  });
});
