import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { creditCode, listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { PLANNER, PlanningClient } from '../test-support/planning-client';

const AUDITOR = { sub: 'auditor-sun', roles: ['auditor'] };
const PLATFORM = { sub: 'platform-x', roles: ['platform'] };

interface Found {
  items: Array<{ batchNumber: string; listingUrl: string; sellerName: string; sellerCreditCode: string }>;
  total: number;
  page: number;
  pageSize: number;
}

describe("planning's stage of a batch and finding batches", () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  /** Batch numbers by platform listing id: A1 and A2 of one seller, B1 of another. */
  const batchOf: Record<string, string> = {};
  let batchNumber: string;
  const tag = `BV${Date.now().toString(36).toUpperCase()}`;
  const sellerA = `杭州行旅箱包${tag}有限公司`;
  const sellerB = `宁波远行${tag}箱包有限公司`;
  const listing = (suffix: string, seller: string, n: number) =>
    listingRecord(`${tag}${suffix}`, {
      category: 'travel-bag',
      sellerName: seller,
      sellerCreditCode: creditCode(n),
    });
  const listings = [listing('A1', sellerA, 101), listing('A2', sellerA, 102), listing('B1', sellerB, 103)];
  const urlOf = (suffix: string) =>
    String(listings.find((l) => l['listingId'] === `${tag}${suffix}`)?.['url']);

  beforeAll(async () => {
    service = await startTestService(planningService, { PLANNING_BUREAU_CODE: 'HZ' });
    client = new PlanningClient(service);
    await client.importCsv(toCsv(listings));
    const plan = await client.approvedPlan(
      planCommand({
        scheme: { ...planCommand().scheme, categories: [quota({ category: 'travel-bag', quota: 3 })] },
      }),
    );
    await client.select(plan);
    const issued = await client.call<Array<{ batchNumber: string; platformListingId: string }>>(
      'POST',
      `/plans/${plan}/issue`,
      PLANNER,
    );
    for (const b of issued.body) batchOf[b.platformListingId.slice(tag.length)] = b.batchNumber;
    expect(Object.keys(batchOf).sort()).toEqual(['A1', 'A2', 'B1']);
    batchNumber = batchOf['A1'];
  });
  afterAll(() => service?.stop());

  const search = (query: string, as: { sub: string; roles: string[] } = AUDITOR) =>
    client.call<Found>('GET', `/batches?${query}`, as);
  const numbers = (found: Found) => found.items.map((b) => b.batchNumber);

  it('tells when the batch was issued, by whom, from which plan, listing and seller', async () => {
    const reply = await client.call<{ batchNumber: string; stages: Array<Record<string, unknown>> }>(
      'GET',
      `/batches/${batchNumber}/stages`,
      AUDITOR,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.batchNumber).toBe(batchNumber);
    expect(reply.body.stages).toEqual([
      expect.objectContaining({
        stage: 'issued',
        actor: PLANNER.sub,
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        facts: expect.objectContaining({
          planId: expect.any(String),
          category: 'travel-bag',
          platform: 'taobao',
          listingId: `${tag}A1`,
          sellerName: sellerA,
          sellerCreditCode: creditCode(101),
          listingUrl: urlOf('A1'),
        }),
      }),
    ]);
  });

  it('answers 404 for an unknown batch, 400 for a malformed number, 403 for a role without business', async () => {
    const missing = await client.call('GET', '/batches/HZ1999-999999/stages', AUDITOR);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: 'batch HZ1999-999999 not found',
    });
    const bad = await client.call<{ errors: Array<{ field: string }> }>('GET', '/batches/x/stages', AUDITOR);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toEqual(['batchNumber']);
    expect((await client.call('GET', `/batches/${batchNumber}/stages`, PLATFORM)).status).toBe(403);
  });

  it('finds a batch by q: seller name, listing URL or the start of its number', async () => {
    const bySeller = await search(`q=${encodeURIComponent(`行旅箱包${tag}`)}`);
    expect(numbers(bySeller.body).sort()).toEqual([batchOf['A1'], batchOf['A2']].sort());
    const byUrl = await search(`q=${encodeURIComponent(urlOf('A2'))}`);
    expect(numbers(byUrl.body)).toEqual([batchOf['A2']]);
    const byNumber = await search(`q=${batchNumber}`, PLANNER);
    expect(numbers(byNumber.body)).toEqual([batchNumber]);
    // A LIKE wildcard is a character like any other.
    const wildcard = await search('q=%25%25');
    expect(wildcard.body.total).toBe(0);
    expect((await search('q=x')).status).toBe(400);
  });

  it('finds batches by seller (part of the name or the credit code), listing URL and batch number, combined with AND', async () => {
    const byName = await search(`seller=${encodeURIComponent(`行旅箱包${tag}`)}`);
    expect(byName.status).toBe(200);
    expect(numbers(byName.body).sort()).toEqual([batchOf['A1'], batchOf['A2']].sort());
    expect(byName.body.items[0]).toMatchObject({
      sellerName: sellerA,
      listingUrl: expect.stringContaining(tag),
    });
    const byCode = await search(`seller=${creditCode(102)}`);
    expect(numbers(byCode.body)).toEqual([batchOf['A2']]);
    const byUrl = await search(`listingUrl=${encodeURIComponent(urlOf('B1'))}`);
    expect(byUrl.body).toMatchObject({
      total: 1,
      items: [{ batchNumber: batchOf['B1'], sellerName: sellerB }],
    });
    // Lower case and only the start of the number.
    const byNumber = await search(`batchNumber=${batchOf['B1'].slice(0, 7).toLowerCase()}`);
    expect(numbers(byNumber.body)).toEqual(expect.arrayContaining(Object.values(batchOf)));
    const both = await search(
      `seller=${encodeURIComponent(sellerA)}&listingUrl=${encodeURIComponent(urlOf('B1'))}`,
    );
    expect(both.body).toMatchObject({ total: 0, items: [] });
    const narrowed = await search(`seller=${encodeURIComponent(tag)}&batchNumber=${batchOf['B1']}`);
    expect(numbers(narrowed.body)).toEqual([batchOf['B1']]);
  });

  it('pages the batches found, newest issued first, and counts them all', async () => {
    const seller = encodeURIComponent(tag);
    const first = await search(`seller=${seller}&pageSize=2`);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items).toHaveLength(2);
    const second = await search(`seller=${seller}&pageSize=2&page=2`);
    expect(second.body).toMatchObject({ total: 3, page: 2 });
    expect(second.body.items).toHaveLength(1);
    expect([...numbers(first.body), ...numbers(second.body)].sort()).toEqual(Object.values(batchOf).sort());
    const beyond = await search(`seller=${seller}&pageSize=2&page=3`);
    expect(beyond.body).toMatchObject({ total: 3, items: [] });
  });

  it('refuses a search without a criterion or with a malformed one (400), and roles without business (403)', async () => {
    const none = await client.call<{ errors: Array<{ field: string; reasons: string[] }> }>(
      'GET',
      '/batches',
      AUDITOR,
    );
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([
      {
        field: 'q',
        reasons: expect.arrayContaining(['q, batchNumber, seller or listingUrl is required']),
      },
    ]);
    const malformed = await client.call<{ errors: Array<{ field: string }> }>(
      'GET',
      '/batches?batchNumber=2026&listingUrl=item.example.com&pageSize=500',
      AUDITOR,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e) => e.field).sort()).toEqual([
      'batchNumber',
      'listingUrl',
      'pageSize',
    ]);
    for (const roles of [['platform'], ['buyer'], ['lab'], ['intake-officer'], ['purchasing-admin']])
      expect(
        (await search(`seller=${encodeURIComponent(tag)}`, { sub: `x-${roles[0]}`, roles })).status,
      ).toBe(403);
    for (const roles of [['planner'], ['approver'], ['admin']])
      expect(
        (await search(`seller=${encodeURIComponent(tag)}`, { sub: `x-${roles[0]}`, roles })).status,
      ).toBe(200);
  });
});
