import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { APPROVER, PlanningClient, PLANNER } from '../test-support/planning-client';

interface Factor {
  factor: string;
  value: number;
  raw: number | null;
  weight: number;
  contribution: number;
}
interface Item {
  id: string;
  listingId: string;
  category: string;
  observedAt: string;
  risk: {
    score: number;
    factors: Factor[];
    inScope: boolean;
    platformAllowed: boolean;
    priorBatches: number;
  } | null;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  planId: string | null;
  weights: Record<string, number>;
}

describe('listing search with risk scores', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  const search = async (query: string, as = PLANNER) =>
    client.call<Page>('GET', `/listings${query ? `?${query}` : ''}`, as);
  const ids = (page: Page) => page.items.map((i) => i.listingId);

  beforeAll(async () => {
    service = await startTestService(planningService, { PLANNING_BUREAU_AREA_CODE: '330100' });
    client = new PlanningClient(service);
    const quilts = Array.from({ length: 6 }, (_, i) =>
      listingRecord(`Q${i + 1}`, {
        priceFen: 60_000 + i * 2_000,
        observedAt: `2026-03-0${i + 1}T00:00:00Z`,
        badRatingRate: 0.01,
      }),
    );
    // Q9: cheap, loud claims, many bad ratings, complained about: the riskiest quilt.
    quilts.push(
      listingRecord('Q9', {
        priceFen: 9_900,
        promotionalClaims: '限时秒杀|超低价|爆款',
        badRatingRate: 0.3,
        monthlySales: 5_000,
        observedAt: '2026-02-01T00:00:00Z',
      }),
    );
    const jacket = listingRecord('J1', {
      category: 'down-jacket',
      title: '羽绒服 J1',
      platform: 'jd',
      brand: '某羽',
      observedAt: '2026-03-09T00:00:00Z',
    });
    // A Jiangsu seller on a Beijing platform: outside the bureau's scope.
    const outside = listingRecord('OUT1', {
      platform: 'jd',
      sellerAreaCode: '320106',
      operatorAreaCode: '110105',
      observedAt: '2026-01-15T00:00:00Z',
    });
    const report = await client.importCsv(toCsv([...quilts, jacket, outside]));
    expect(report.body['accepted']).toBe(9);
    const complaint = await client.call('POST', '/signals', PLANNER, {
      kind: 'complaint',
      source: 'zj-12315',
      externalId: 'C-2026-0001',
      platform: 'taobao',
      listingId: 'Q9',
      summary: '蚕丝被实为化纤填充',
      receivedAt: '2026-03-02T08:00:00Z',
    });
    expect(complaint.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await service?.stop();
  });

  it('finds listings by text, newest observed first, each with its score explained with the default weights', async () => {
    const { status, body } = await search('q=蚕丝被');
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 8, page: 1, pageSize: 20, planId: null });
    expect(ids(body)).toEqual(['Q6', 'Q5', 'Q4', 'Q3', 'Q2', 'Q1', 'Q9', 'OUT1']);
    expect(body.weights).toMatchObject({ complaints: 3, priceDeviation: 2, categoryRisk: 1 });
    for (const item of body.items) {
      const risk = item.risk;
      expect(risk?.factors.map((f) => f.factor)).toEqual([
        'complaints',
        'priceDeviation',
        'promotionalClaims',
        'salesWithBadRatings',
        'pastFailures',
        'categoryRisk',
      ]);
      const sum = risk?.factors.reduce((n, f) => n + f.contribution, 0) ?? NaN;
      expect(risk?.score).toBeCloseTo(sum, 3);
      for (const f of risk?.factors ?? []) expect(f.contribution).toBeCloseTo(f.value * f.weight, 3);
    }
    const q9 = body.items.find((i) => i.listingId === 'Q9');
    expect(q9?.risk?.factors.find((f) => f.factor === 'complaints')).toMatchObject({ raw: 1 });
    expect(q9?.risk?.factors.find((f) => f.factor === 'promotionalClaims')?.value).toBe(1);
    expect(body.items.find((i) => i.listingId === 'OUT1')?.risk?.inScope).toBe(false);
    expect(q9?.risk?.inScope).toBe(true);
  });

  it('sorts a category by score, highest first, a page at a time', async () => {
    const first = (await search('category=silk-quilt&sort=score&pageSize=3')).body;
    expect(first.total).toBe(8);
    expect(first.items[0].listingId).toBe('Q9');
    const all = (await search('category=silk-quilt&sort=score&pageSize=100')).body;
    const scores = all.items.map((i) => i.risk?.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(ids(first)).toEqual(ids(all).slice(0, 3));
    expect(ids((await search('category=silk-quilt&sort=score&pageSize=3&page=2')).body)).toEqual(
      ids(all).slice(3, 6),
    );
  });

  it('filters by platform, category, seller and brand', async () => {
    expect(ids((await search('platform=jd')).body)).toEqual(['J1', 'OUT1']);
    expect(ids((await search('category=down-jacket')).body)).toEqual(['J1']);
    expect(ids((await search('brand=某羽')).body)).toEqual(['J1']);
    const q3 = (await client.call<{ sellerCreditCode: string }>('GET', '/listings/taobao/Q3', PLANNER)).body;
    expect(ids((await search(`sellerCreditCode=${q3.sellerCreditCode}`)).body)).toContain('Q3');
    expect((await search('q=没有这个商品')).body).toMatchObject({ total: 0, items: [] });
  });

  it("scores as a plan does: the plan's weights, its categories only, the same scores as its selection", async () => {
    const planId = await client.approvedPlan(
      planCommand({
        weights: { complaints: 5, priceDeviation: 1 },
        scheme: { ...planCommand().scheme, categories: [quota({ quota: 2, riskWeight: 0.6 })] },
      }),
    );
    await client.select(planId);
    const selection = await client.call<Array<{ listingId: string; score: number }>>(
      'GET',
      `/plans/${planId}/selection`,
      APPROVER,
    );
    expect(selection.body).toHaveLength(2);
    const page = (await search(`planId=${planId}&pageSize=100`, APPROVER)).body;
    expect(page.planId).toBe(planId);
    expect(page.weights).toMatchObject({ complaints: 5, priceDeviation: 1 });
    for (const picked of selection.body) {
      expect(page.items.find((i) => i.id === picked.listingId)?.risk?.score).toBeCloseTo(picked.score, 3);
    }
    const q1 = page.items.find((i) => i.listingId === 'Q1');
    expect(q1?.risk?.factors.find((f) => f.factor === 'categoryRisk')).toMatchObject({
      value: 0.6,
      weight: 1,
    });
    // Not a category of the plan's scheme: nothing to score it against.
    expect(page.items.find((i) => i.listingId === 'J1')?.risk).toBeNull();
  });

  it('names the field of a malformed filter (400) and answers 404 for an unknown plan', async () => {
    const fields = async (query: string) => {
      const reply = await client.call<{ errors: Array<{ field: string }> }>(
        'GET',
        `/listings?${query}`,
        PLANNER,
      );
      expect(reply.status).toBe(400);
      return reply.body.errors.map((e) => e.field);
    };
    expect(await fields('sort=score')).toEqual(['category']);
    expect(await fields('q=x')).toEqual(['q']);
    expect(await fields('planId=42')).toEqual(['planId']);
    expect(await fields('pageSize=1000')).toEqual(['pageSize']);
    expect(await fields('sort=price')).toEqual(['sort']);
    const missing = await search('planId=00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });

  it('is for planning staff and auditors only', async () => {
    expect((await search('', APPROVER)).status).toBe(200);
    expect((await search('', { sub: 'auditor-1', roles: ['auditor'] })).status).toBe(200);
    expect((await search('', { sub: 'buyer-1', roles: ['buyer'] })).status).toBe(403);
  });
});
