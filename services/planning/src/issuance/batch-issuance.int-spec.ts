import { BatchIssued, ComplaintReceived, ListingSignal, ResultFinal, Topics } from '@qis/contracts';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { shanghaiYear } from '@qis/domain';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { PlanningClient, PLANNER, produce, TopicReader } from '../test-support/planning-client';

interface Explanation {
  selected: boolean;
  factors: Array<{ factor: string; raw: number | null }>;
  checks: Array<{ rule: string; passed: boolean; detail: string }>;
}

describe('batch issuance and the platform topics', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  let reader: TopicReader;
  const year = shanghaiYear(new Date());

  beforeAll(async () => {
    service = await startTestService(planningService, { PLANNING_BUREAU_CODE: 'HZ' });
    client = new PlanningClient(service);
    reader = await TopicReader.start(Topics.BatchIssued);
  });
  afterAll(async () => {
    await reader?.stop();
    await service?.stop();
  });

  const plan = (category: string, n: number, over = {}) =>
    planCommand({
      scheme: { ...planCommand().scheme, categories: [quota({ category, quota: n })] },
      ...over,
    });

  it('publishes batch-issued for every batch, numbered without gaps per bureau and year', async () => {
    await client.importCsv(
      toCsv(Array.from({ length: 5 }, (_, i) => listingRecord(`K${i + 1}`, { category: 'travel-bag' }))),
    );
    const first = await client.approvedPlan(plan('travel-bag', 3));
    await client.select(first);
    const issued = await client.call<Array<{ batchNumber: string }>>(
      'POST',
      `/plans/${first}/issue`,
      PLANNER,
    );
    expect(issued.status).toBe(200);
    const second = await client.approvedPlan(plan('travel-bag', 2));
    await client.select(second);
    const more = await client.call<Array<{ batchNumber: string }>>('POST', `/plans/${second}/issue`, PLANNER);
    const numbers = [...issued.body, ...more.body].map((b) => b.batchNumber);
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `HZ${year}-00000${n}`));

    await reader.waitFor(5);
    const events = reader.messages.filter((m) => numbers.includes(m.key));
    expect(events.map((m) => m.key).sort()).toEqual(numbers);
    const event = events.find((m) => m.key === numbers[0]);
    expect(event?.headers['type']).toBe(BatchIssued.type);
    expect(event?.value).toMatchObject({
      batchNumber: numbers[0],
      planId: first,
      planKind: 'routine',
      category: 'travel-bag',
      platform: 'taobao',
      quantity: { testUnits: 1, backupUnits: 1 },
      testStandards: ['GB/T 24252-2019'],
    });
    expect((await client.call('GET', `/plans/${first}`, PLANNER)).body['status']).toBe('active');
    expect((await client.call('POST', `/plans/${first}/issue`, PLANNER)).status).toBe(409);
  });

  it('refuses a third sampling of the same brand + spec/model in a year, but allows a targeted follow-up', async () => {
    // Three listings of one product, typed three ways.
    await client.importCsv(
      toCsv([
        listingRecord('T1', { category: 'power-strip', brand: 'ＡＢＣ', specModel: 'Model X-1' }),
        listingRecord('T2', { category: 'power-strip', brand: 'abc', specModel: 'model x1' }),
        listingRecord('T3', { category: 'power-strip', brand: 'Abc ', specModel: 'MODEL（X）1' }),
      ]),
    );
    const plans = [];
    for (let i = 0; i < 3; i++) {
      const id = await client.approvedPlan(plan('power-strip', 1, { seed: `twice-${i}` }));
      expect(await client.select(id)).toHaveLength(1);
      plans.push(id);
    }
    const batches: string[] = [];
    for (const id of plans.slice(0, 2)) {
      const reply = await client.call<Array<{ batchNumber: string }>>('POST', `/plans/${id}/issue`, PLANNER);
      expect(reply.status).toBe(200);
      batches.push(reply.body[0].batchNumber);
    }
    // Selected before the other two were issued: issuing it now would be the third in the year.
    const third = await client.call('POST', `/plans/${plans[2]}/issue`, PLANNER);
    expect(third.status).toBe(409);
    expect(third.body['message']).toMatch(/third time/);
    // Selecting again leaves the product out, and says why.
    expect(await client.select(plans[2])).toEqual([]);
    const listing = await client.call<{ id: string }>('GET', '/listings/taobao/T3', PLANNER);
    const why = await client.call<Explanation>(
      'GET',
      `/plans/${plans[2]}/listings/${listing.body.id}/explanation`,
      PLANNER,
    );
    expect(why.body.checks.find((c) => c.rule === 'twice-a-year')).toMatchObject({ passed: false });

    // The first batch failed for good (result-final from enforcement): a follow-up may sample it again.
    await produce(ResultFinal, [
      {
        key: batches[0],
        value: { ...ResultFinal.example.value, batchNumber: batches[0], category: 'power-strip' },
      },
    ]);
    const followUp = await expectEventually(async () => {
      const created = await client.call<{ id: string }>(
        'POST',
        '/plans',
        PLANNER,
        plan('power-strip', 1, { kind: 'follow-up', followUpOf: batches[0] }),
      );
      expect(created.status).toBe(201);
      return created.body.id;
    });
    await client.call('POST', `/plans/${followUp}/submit`, PLANNER);
    await client.call('POST', `/plans/${followUp}/approve`, { sub: 'approver-qian', roles: ['approver'] });
    expect(await client.select(followUp)).toHaveLength(1);
    const issued = await client.call<Array<{ batchNumber: string }>>(
      'POST',
      `/plans/${followUp}/issue`,
      PLANNER,
    );
    expect(issued.status).toBe(200);
    await expectEventually(() => {
      const event = reader.messages.find((m) => m.key === issued.body[0].batchNumber);
      expect(event?.value).toMatchObject({ planKind: 'follow-up', followUpOf: batches[0] });
    });
  });

  it('applies listing signals and complaints from the platform topics; complaints raise the score', async () => {
    const signal = ListingSignal.example.value;
    await produce(ListingSignal, [
      {
        key: 'taobao:KAFKA1',
        value: { ...signal, listingId: 'KAFKA1', category: 'silk-quilt', priceFen: 70_000 },
      },
      {
        key: 'taobao:KAFKA1',
        value: {
          ...signal,
          listingId: 'KAFKA1',
          category: 'silk-quilt',
          priceFen: 65_000,
          observedAt: '2026-02-21T00:00:00.000Z',
        },
      },
    ]);
    const listing = await expectEventually(async () => {
      const reply = await client.call<{ id: string; priceFen: number; history: unknown[] }>(
        'GET',
        '/listings/taobao/KAFKA1',
        PLANNER,
      );
      expect(reply.body.priceFen).toBe(65_000);
      return reply.body;
    });
    expect(listing.history).toHaveLength(2);
    await produce(ComplaintReceived, [
      {
        key: 'taobao:C-1',
        value: {
          ...ComplaintReceived.example.value,
          complaintId: 'C-1',
          listingId: 'KAFKA1',
          platform: 'taobao',
        },
      },
    ]);
    // Once the complaint is applied, a selection scores it.
    await expectEventually(async () => {
      const planId = await client.approvedPlan(plan('silk-quilt', 1));
      await client.select(planId);
      const why = await client.call<Explanation>(
        'GET',
        `/plans/${planId}/listings/${listing.id}/explanation`,
        PLANNER,
      );
      expect(why.body.factors.find((f) => f.factor === 'complaints')?.raw).toBeGreaterThanOrEqual(1);
    });
  });
});
