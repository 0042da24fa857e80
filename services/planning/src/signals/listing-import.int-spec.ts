import { startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { creditCode, listingRecord, toCsv } from '../test-support/planning-factories';
import { PlanningClient, PLANNER } from '../test-support/planning-client';

describe('bulk listing import', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;

  beforeAll(async () => {
    // Small statements, so one import spans many of them on both writers.
    service = await startTestService(planningService, { PLANNING_IMPORT_CHUNK_ROWS: '100' });
    client = new PlanningClient(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  /** A stored listing's price and its price history, oldest first. */
  const prices = async (listingId: string) => {
    const listing = await client.call<{ priceFen: number; history: Array<{ priceFen: number }> }>(
      'GET',
      `/listings/taobao/${listingId}`,
      PLANNER,
    );
    return { priceFen: listing.body.priceFen, history: listing.body.history.map((h) => h.priceFen) };
  };
  /** How many listings are stored whose id starts with `prefix`. */
  const storedWithPrefix = async (prefix: string) => {
    const [{ n }] = (await service.app
      .get(DataSource)
      .query(`select count(*)::int as n from listing where platform_listing_id like $1`, [
        `${prefix}%`,
      ])) as Array<{ n: number }>;
    return n;
  };

  it('keeps every good row of a bad CSV and reports each bad row by line, field and reason', async () => {
    const good = creditCode(42);
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const csv = toCsv([
      listingRecord('B1'),
      listingRecord('B2', { sellerCreditCode: badCheck }),
      listingRecord('B3'),
      listingRecord('B4', { sellerAreaCode: '339999', priceFen: 'cheap' }),
      listingRecord('B5'),
    ]);
    const reply = await client.importCsv(csv);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: 5, accepted: 3, rejected: 2, errorsTruncated: false });
    expect(reply.body['errors']).toEqual([
      { row: 3, field: 'sellerCreditCode', reason: expect.stringContaining('check character') },
      { row: 5, field: 'priceFen', reason: expect.any(String) },
      { row: 5, field: 'sellerAreaCode', reason: 'is not a GB/T 2260 area code' },
    ]);
    for (const id of ['B1', 'B3', 'B5']) {
      expect((await client.call('GET', `/listings/taobao/${id}`, PLANNER)).status).toBe(200);
    }
    expect((await client.call('GET', '/listings/taobao/B2', PLANNER)).status).toBe(404);
  });

  it('reports a CSV record it cannot parse by its line and keeps reading', async () => {
    const csv =
      toCsv([listingRecord('P1')]) +
      'taobao,P"2,https://x.example.com\n' +
      toCsv([listingRecord('P3')]).split('\n')[1] +
      '\n';
    const reply = await client.importCsv(csv);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(reply.body['errors']).toEqual([{ row: 3, field: '(record)', reason: expect.any(String) }]);
  });

  it('reports a record whose quote never closes (20 MB of lines) as one bad row, quickly, keeping the rows before it', async () => {
    const body =
      toCsv([listingRecord('Q1')]) +
      'taobao,Q2,"https://x.example.com\n' +
      'lorem ipsum 蚕丝被 dolor sit amet, consectetur\n'.repeat((20 * 1024 * 1024) / 48);
    const started = Date.now();
    const reply = await client.importCsv(body);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: 2, accepted: 1, rejected: 1 });
    expect(reply.body['errors']).toEqual([
      { row: 3, field: '(record)', reason: expect.stringMatching(/longer than 65536 bytes.*not closed/) },
    ]);
    expect((await client.call('GET', '/listings/taobao/Q1', PLANNER)).status).toBe(200);
  });

  it('reports a 20 MB line with no line break as one bad row and goes on with the next line', async () => {
    const [header, row] = toCsv([listingRecord('N1')]).split('\n');
    const body = `${header}\ntaobao,N0,${'x'.repeat(20 * 1024 * 1024)}\n${row}\n`;
    const started = Date.now();
    const reply = await client.importCsv(body);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: 2, accepted: 1, rejected: 1 });
    expect(reply.body['errors']).toEqual([
      {
        row: 2,
        field: '(record)',
        reason: expect.stringMatching(/longer than 65536 bytes without a line break/),
      },
    ]);
  });

  it('reports an NDJSON line longer than the limit as one bad row and goes on with the next', async () => {
    const body = [
      JSON.stringify({ ...listingRecord('J8'), title: 'y'.repeat(20 * 1024 * 1024) }),
      JSON.stringify(listingRecord('J9')),
    ].join('\n');
    const reply = await client.call('POST', '/listings/import', PLANNER, body, 'application/x-ndjson');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ received: 2, accepted: 1, rejected: 1 });
    expect(reply.body['errors']).toEqual([
      { row: 1, field: '(record)', reason: expect.stringMatching(/longer than 65536 bytes/) },
    ]);
  });

  it('upserts by platform + listing id and keeps the history of price and sales', async () => {
    await client.importCsv(
      toCsv([listingRecord('H1', { priceFen: 10_000, observedAt: '2026-03-01T00:00:00Z' })]),
    );
    await client.importCsv(
      toCsv([listingRecord('H1', { priceFen: 8_000, observedAt: '2026-03-02T00:00:00Z' })]),
    );
    // An older observation arriving late changes nothing.
    await client.importCsv(toCsv([listingRecord('H1', { priceFen: 1, observedAt: '2026-02-01T00:00:00Z' })]));
    const listing = await client.call<{ priceFen: number; history: Array<{ at: string; priceFen: number }> }>(
      'GET',
      '/listings/taobao/H1',
      PLANNER,
    );
    expect(listing.body.priceFen).toBe(8_000);
    expect(listing.body.history.map((h) => h.priceFen)).toEqual([10_000, 8_000]);
    // The first entry came with the listing (COPY), the second from the merge: written alike.
    expect(listing.body.history.map((h) => h.at)).toEqual([
      '2026-03-01T00:00:00+00:00',
      '2026-03-02T00:00:00+00:00',
    ]);
  });

  it('writes the instants of the history alike whether a listing was copied in or merged', async () => {
    await client.importCsv(
      toCsv([listingRecord('T1', { priceFen: 500, observedAt: '2026-03-05T01:02:03.120Z' })]),
    );
    await client.importCsv(
      toCsv([listingRecord('T1', { priceFen: 400, observedAt: '2026-03-06T01:02:03.120Z' })]),
    );
    const listing = await client.call<{ history: Array<{ at: string }> }>(
      'GET',
      '/listings/taobao/T1',
      PLANNER,
    );
    expect(listing.body.history.map((h) => h.at)).toEqual([
      '2026-03-05T01:02:03.12+00:00',
      '2026-03-06T01:02:03.12+00:00',
    ]);
  });

  it('keeps every observation of a listing repeated across statements of one import, in order', async () => {
    const filler = (from: number) => Array.from({ length: 120 }, (_, i) => listingRecord(`F${from + i}`));
    const csv = toCsv([
      listingRecord('R1', { priceFen: 300, observedAt: '2026-03-01T00:00:00Z' }),
      ...filler(0),
      listingRecord('R1', { priceFen: 200, observedAt: '2026-03-02T00:00:00Z' }),
      ...filler(200),
      listingRecord('R1', { priceFen: 100, observedAt: '2026-03-03T00:00:00Z' }),
    ]);
    expect((await client.importCsv(csv)).body).toMatchObject({ accepted: 243, rejected: 0 });
    const listing = await client.call<{ priceFen: number; history: Array<{ priceFen: number }> }>(
      'GET',
      '/listings/taobao/R1',
      PLANNER,
    );
    expect(listing.body.history.map((h) => h.priceFen)).toEqual([300, 200, 100]);
  });

  it('stores a chunk copied while the one before it is merged after that one, keeping every observation', async () => {
    // C0 is stored: the next import's first chunk (100 rows) meets it, and is merged, not copied.
    await client.importCsv(toCsv([listingRecord('C0', { observedAt: '2026-03-01T00:00:00Z' })]));
    const filler = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => listingRecord(`CF${from + i}`));
    const csv = toCsv([
      listingRecord('C0', { observedAt: '2026-03-02T00:00:00Z' }),
      listingRecord('C1', { priceFen: 300, observedAt: '2026-03-01T00:00:00Z' }),
      ...filler(0, 98),
      // The second chunk, new listings only, is copied while the first one fails and is merged. It
      // observes C1 again: stored ahead of the first chunk it would leave C1 without its first price.
      listingRecord('C1', { priceFen: 200, observedAt: '2026-03-02T00:00:00Z' }),
      ...filler(100, 99),
      ...filler(200, 50),
    ]);
    expect((await client.importCsv(csv)).body).toMatchObject({ accepted: 250, rejected: 0 });
    expect(await prices('C1')).toEqual({ priceFen: 200, history: [300, 200] });
    expect(await storedWithPrefix('CF')).toBe(247);
  });

  it('keeps both observations of a listing seen last in one chunk and first in the next', async () => {
    // A file sorted by listing splits a listing's observations at a chunk's end: the second chunk
    // waits for the first to commit before it sends the listing, then meets it and is merged.
    const filler = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => listingRecord(`SPLITF${from + i}`));
    const csv = toCsv([
      ...filler(0, 99),
      listingRecord('SPLIT1', { priceFen: 300, observedAt: '2026-03-01T00:00:00Z' }),
      listingRecord('SPLIT1', { priceFen: 200, observedAt: '2026-03-02T00:00:00Z' }),
      ...filler(100, 99),
      ...filler(200, 100),
    ]);
    expect((await client.importCsv(csv)).body).toMatchObject({ accepted: 300, rejected: 0 });
    expect(await prices('SPLIT1')).toEqual({ priceFen: 200, history: [300, 200] });
    expect(await storedWithPrefix('SPLITF')).toBe(298);
  });

  it('applies the observations of a listing repeated within one chunk oldest first', async () => {
    const csv = toCsv([
      listingRecord('D1', { priceFen: 200, monthlySales: 5, observedAt: '2026-03-02T00:00:00Z' }),
      listingRecord('D1', { priceFen: 300, monthlySales: 5, observedAt: '2026-03-01T00:00:00Z' }),
      listingRecord('D2'),
      listingRecord('D1', { priceFen: 100, monthlySales: 5, observedAt: '2026-03-03T00:00:00Z' }),
      // The same as the last one, seen later: changes nothing, not even the observation time.
      listingRecord('D1', { priceFen: 100, monthlySales: 5, observedAt: '2026-03-04T00:00:00Z' }),
    ]);
    expect((await client.importCsv(csv)).body).toMatchObject({ accepted: 5, rejected: 0 });
    const listing = await client.call<{
      priceFen: number;
      observedAt: string;
      history: Array<{ priceFen: number }>;
    }>('GET', '/listings/taobao/D1', PLANNER);
    expect(listing.body.priceFen).toBe(100);
    expect(listing.body.observedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(listing.body.history.map((h) => h.priceFen)).toEqual([300, 200, 100]);
  });

  it("writes only the listings a re-import changes, and re-scores only those (a day's refresh of the data pool)", async () => {
    const day1 = Array.from({ length: 250 }, (_, i) =>
      listingRecord(`U${i}`, { priceFen: 1_000 + i, observedAt: '2026-04-01T00:00:00Z' }),
    );
    expect((await client.importCsv(toCsv(day1))).body).toMatchObject({ accepted: 250 });
    const db = service.app.get(DataSource);
    const versions = async (table: 'listing' | 'listing_risk' = 'listing') =>
      new Map(
        (
          (await db.query(
            `select platform_listing_id as id, xmin::text as v from ${table} where platform_listing_id like 'U%'`,
          )) as Array<{
            id: string;
            v: string;
          }>
        ).map((r) => [r.id, r.v]),
      );
    const before = await versions();
    const factsBefore = await versions('listing_risk');
    // The next day every listing is seen again; one in ten has a new price, one a new title.
    const day2 = day1.map((r, i) => ({
      ...r,
      observedAt: '2026-04-02T00:00:00Z',
      ...(i % 10 === 0 ? { priceFen: 900 + i } : {}),
      ...(i === 1 ? { title: '新标题' } : {}),
    }));
    expect((await client.importCsv(toCsv(day2))).body).toMatchObject({ accepted: 250, rejected: 0 });
    const after = await versions();
    const rewritten = [...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
    const newPrices = day1.filter((_, i) => i % 10 === 0).map((r) => String(r['listingId']));
    expect(rewritten.sort()).toEqual(['U1', ...newPrices].sort());
    // Scoring is incremental: the risk facts of the 25 listings with a new price are written again;
    // the new title is no risk fact, and the other 224 listings were not touched at all.
    const factsAfter = await versions('listing_risk');
    const rescored = [...factsAfter].filter(([id, v]) => factsBefore.get(id) !== v).map(([id]) => id);
    expect(rescored.sort()).toEqual(newPrices.sort());
    const changed = await client.call<{ observedAt: string; priceFen: number; history: unknown[] }>(
      'GET',
      '/listings/taobao/U10',
      PLANNER,
    );
    expect(changed.body).toMatchObject({ observedAt: '2026-04-02T00:00:00.000Z', priceFen: 910 });
    expect(changed.body.history).toHaveLength(2);
    const same = await client.call<{ observedAt: string }>('GET', '/listings/taobao/U11', PLANNER);
    expect(same.body.observedAt).toBe('2026-04-01T00:00:00.000Z');
  });

  it('streams NDJSON and reports a line that is not JSON', async () => {
    const body = [
      JSON.stringify(listingRecord('J1')),
      '{not json',
      JSON.stringify({ ...listingRecord('J3'), priceFen: 123 }),
    ].join('\n');
    const reply = await client.call('POST', '/listings/import', PLANNER, body, 'application/x-ndjson');
    expect(reply.body).toMatchObject({ received: 3, accepted: 2, rejected: 1 });
    expect(reply.body['errors']).toEqual([{ row: 2, field: '(record)', reason: 'is not valid JSON' }]);
  });

  it('refuses a CSV header without the required columns, naming each (400)', async () => {
    const reply = await client.importCsv('platform,listingId,colour\ntaobao,X1,red\n');
    expect(reply.status).toBe(400);
    const fields = (reply.body['errors'] as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['url', 'priceFen', 'sellerName', 'colour']));
  });

  it('refuses a body that is neither CSV nor NDJSON (415)', async () => {
    const reply = await client.call('POST', '/listings/import', PLANNER, { rows: [] });
    expect(reply.status).toBe(415);
  });

  it('records other risk signals once per source and id', async () => {
    const signal = {
      kind: 'authority-notice',
      source: 'samr',
      externalId: 'N2026-0042',
      category: 'silk-quilt',
      summary: '总局通报：部分蚕丝被蚕丝含量不达标',
      receivedAt: '2026-03-01T02:00:00Z',
    };
    const first = await client.call('POST', '/signals', PLANNER, signal);
    const again = await client.call('POST', '/signals', PLANNER, signal);
    expect([first.status, first.body['created'], again.body['created']]).toEqual([201, true, false]);
    const bad = await client.call('POST', '/signals', PLANNER, {
      ...signal,
      kind: 'rumour',
      sellerCreditCode: 'X',
    });
    expect(bad.status).toBe(400);
    expect((bad.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'kind',
      'sellerCreditCode',
    ]);
  });

  it('refuses null for a field a signal may leave out, with 400 naming it (found by fuzzing: a null brand was recorded)', async () => {
    const reply = await client.call('POST', '/signals', PLANNER, {
      kind: 'report',
      source: 'zj-12315',
      externalId: 'N2026-NULL',
      summary: '投诉',
      receivedAt: '2026-02-11T03:15:00Z',
      brand: null,
      sellerName: null,
    });
    expect(reply.status).toBe(400);
    expect((reply.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'brand',
      'sellerName',
    ]);
  });

  it('refuses a signal received in year 0000 with 400 naming receivedAt (found by fuzzing: it was a 500)', async () => {
    const reply = await client.call('POST', '/signals', PLANNER, {
      kind: 'authority-notice',
      source: 'samr',
      externalId: 'N0000-0001',
      summary: '通报',
      receivedAt: '0000-01-01T00:00:00Z',
    });
    expect(reply.status).toBe(400);
    expect(reply.body['errors']).toEqual([
      {
        field: 'receivedAt',
        reasons: ['receivedAt must be a UTC time (e.g. 2026-02-11T03:15:00Z) in the years 2000 to 2100'],
      },
    ]);
  });

  it('refuses a signal received on 2100-04-31 with 400 naming receivedAt (found by fuzzing: it was a 500)', async () => {
    const reply = await client.call('POST', '/signals', PLANNER, {
      kind: 'authority-notice',
      source: 'samr',
      externalId: 'N2100-0431',
      summary: '通报',
      receivedAt: '2100-04-31T00:00:00Z',
    });
    expect(reply.status).toBe(400);
    expect(reply.body['errors']).toEqual([
      { field: 'receivedAt', reasons: ['receivedAt names a day the calendar does not have'] },
    ]);
  });
});
