import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { PLANNER, PlanningClient } from '../test-support/planning-client';

const AUDITOR = { sub: 'auditor-sun', roles: ['auditor'] };
const PLATFORM = { sub: 'platform-x', roles: ['platform'] };

describe("planning's stage of a batch and finding batches", () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  let batchNumber: string;
  const tag = `BV${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    service = await startTestService(planningService, { PLANNING_BUREAU_CODE: 'HZ' });
    client = new PlanningClient(service);
    await client.importCsv(
      toCsv(
        Array.from({ length: 2 }, (_, i) =>
          listingRecord(`${tag}${i + 1}`, {
            category: 'travel-bag',
            sellerName: `杭州行旅箱包${tag}有限公司`,
          }),
        ),
      ),
    );
    const plan = await client.approvedPlan(
      planCommand({
        scheme: { ...planCommand().scheme, categories: [quota({ category: 'travel-bag', quota: 1 })] },
      }),
    );
    await client.select(plan);
    const issued = await client.call<Array<{ batchNumber: string }>>('POST', `/plans/${plan}/issue`, PLANNER);
    batchNumber = issued.body[0].batchNumber;
  });
  afterAll(() => service?.stop());

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
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        facts: expect.objectContaining({
          category: 'travel-bag',
          platform: 'taobao',
          sellerName: `杭州行旅箱包${tag}有限公司`,
          listingUrl: expect.stringContaining(tag),
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

  it('finds the batch by seller name, by listing URL and by the start of its number', async () => {
    const bySeller = await client.call<{ items: Array<{ batchNumber: string }> }>(
      'GET',
      `/batches?q=${encodeURIComponent(`行旅箱包${tag}`)}`,
      AUDITOR,
    );
    expect(bySeller.body.items.map((b) => b.batchNumber)).toEqual([batchNumber]);
    const url = (
      await client.call<{ stages: Array<{ facts: { listingUrl: string } }> }>(
        'GET',
        `/batches/${batchNumber}/stages`,
        AUDITOR,
      )
    ).body.stages[0].facts.listingUrl;
    const byUrl = await client.call<{ items: Array<{ batchNumber: string }> }>(
      'GET',
      `/batches?q=${encodeURIComponent(url)}`,
      AUDITOR,
    );
    expect(byUrl.body.items.map((b) => b.batchNumber)).toEqual([batchNumber]);
    const byNumber = await client.call<{ items: Array<{ batchNumber: string }> }>(
      'GET',
      `/batches?q=${batchNumber}`,
      PLANNER,
    );
    expect(byNumber.body.items.map((b) => b.batchNumber)).toEqual([batchNumber]);
    // A LIKE wildcard is a character like any other.
    const wildcard = await client.call<{ total: number }>('GET', '/batches?q=%25%25', AUDITOR);
    expect(wildcard.body.total).toBe(0);
    expect((await client.call('GET', '/batches?q=x', AUDITOR)).status).toBe(400);
  });
});
