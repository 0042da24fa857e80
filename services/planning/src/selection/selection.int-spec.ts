import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
import { PlanningClient, PLANNER } from '../test-support/planning-client';

interface Explanation {
  selected: boolean;
  way: string | null;
  score: number | null;
  factors: Array<{ factor: string; value: number; weight: number; contribution: number }>;
  checks: Array<{ rule: string; passed: boolean }>;
  summary: string;
}

describe('selection', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService(planningService, { PLANNING_BUREAU_AREA_CODE: '330100' });
    client = new PlanningClient(service);
    const hangzhou = Array.from({ length: 12 }, (_, i) =>
      listingRecord(`S${i + 1}`, {
        priceFen: 40_000 + i * 3_000,
        monthlySales: 50 * (i + 1),
        badRatingRate: (i % 4) * 0.05,
        promotionalClaims: i % 3 === 0 ? '限时秒杀|超低价' : undefined,
      }),
    );
    const report = await client.importCsv(
      toCsv([
        ...hangzhou,
        // Jiangsu seller on a Beijing platform: outside all four scope rules.
        listingRecord('OUT1', {
          platform: 'jd',
          sellerAreaCode: '320106',
          operatorAreaCode: '110105',
          priceFen: 100,
        }),
        // Ningbo seller on a platform outside the city: rule 3.
        listingRecord('PROV1', { platform: 'jd', sellerAreaCode: '330203', operatorAreaCode: '110105' }),
        // Jiangsu seller on a Hangzhou platform: rule 2.
        listingRecord('PLAT1', { sellerAreaCode: '320106', operatorAreaCode: '330110' }),
      ]),
    );
    expect(report.body['accepted']).toBe(15);
    for (const id of [...hangzhou.map((h) => String(h['listingId'])), 'OUT1', 'PROV1', 'PLAT1']) {
      const platform = id === 'OUT1' || id === 'PROV1' ? 'jd' : 'taobao';
      idOf.set(
        id,
        (await client.call<{ id: string }>('GET', `/listings/${platform}/${id}`, PLANNER)).body.id,
      );
    }
  });
  afterAll(async () => {
    await service?.stop();
  });

  const explain = async (planId: string, listing: string) =>
    (
      await client.call<Explanation>(
        'GET',
        `/plans/${planId}/listings/${idOf.get(listing)}/explanation`,
        PLANNER,
      )
    ).body;

  it('selects the same listings the same way with the same seed', async () => {
    const command = planCommand({
      seed: 'reproducible-42',
      randomShare: 0.5,
      scheme: { ...planCommand().scheme, categories: [quota({ quota: 6 })] },
    });
    const a = await client.approvedPlan(command);
    const b = await client.approvedPlan(command);
    const first = await client.select(a);
    const again = await client.select(a);
    const other = await client.select(b);
    const shape = (picks: typeof first) => picks.map((p) => `${p.way}:${p.platformListingId}`);
    expect(first).toHaveLength(6);
    expect(first.filter((p) => p.way === 'random')).toHaveLength(3);
    expect(shape(again)).toEqual(shape(first));
    expect(shape(other)).toEqual(shape(first));
    const plan = await client.call<{ seed: string }>('GET', `/plans/${a}`, PLANNER);
    expect(plan.body.seed).toBe('reproducible-42');
  });

  it('never selects a seller outside the scope rule, and says why', async () => {
    const planId = await client.approvedPlan(
      planCommand({ scheme: { ...planCommand().scheme, categories: [quota({ quota: 50 })] } }),
    );
    const picked = (await client.select(planId)).map((p) => p.platformListingId);
    expect(picked).toEqual(expect.arrayContaining(['PROV1', 'PLAT1', 'S1']));
    expect(picked).not.toContain('OUT1');
    expect(new Set(picked).size).toBe(picked.length);
    const why = await explain(planId, 'OUT1');
    expect(why.selected).toBe(false);
    expect(why.checks.find((c) => c.rule === 'scope')).toMatchObject({ passed: false });
    expect(why.summary).toMatch(/not eligible/);
  });

  it('takes a seller of a delegated area (scope rule 4)', async () => {
    const planId = await client.approvedPlan(
      planCommand({
        scheme: {
          ...planCommand().scheme,
          delegatedAreaCodes: ['320100'],
          categories: [quota({ quota: 50 })],
        },
      }),
    );
    expect((await client.select(planId)).map((p) => p.platformListingId)).toContain('OUT1');
  });

  it('explains a score factor by factor: value × weight = contribution, summing to the score', async () => {
    const planId = await client.approvedPlan(
      planCommand({
        weights: { promotionalClaims: 5 },
        scheme: { ...planCommand().scheme, categories: [quota({ quota: 2 })] },
      }),
    );
    const picks = await client.select(planId);
    const why = await explain(planId, picks[0].platformListingId);
    expect(why.selected).toBe(true);
    expect(why.factors.map((f) => f.factor)).toEqual([
      'complaints',
      'priceDeviation',
      'promotionalClaims',
      'salesWithBadRatings',
      'pastFailures',
      'categoryRisk',
    ]);
    expect(why.factors.find((f) => f.factor === 'promotionalClaims')?.weight).toBe(5);
    for (const f of why.factors) expect(f.contribution).toBeCloseTo(f.value * f.weight, 3);
    expect(why.factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(why.score ?? -1, 3);
    // A listing ranked out says so against the cutoff.
    const all = [...idOf.keys()].filter((k) => k.startsWith('S'));
    const notPicked = all.find((k) => !picks.some((p) => p.platformListingId === k)) as string;
    const out = await explain(planId, notPicked);
    expect(out.selected).toBe(false);
    expect(out.checks.map((c) => c.rule)).toContain('rank');
  });

  it("records each category's price norm over all its listings, also where none may be taken", async () => {
    const outside = { platform: 'jd', sellerAreaCode: '320106', operatorAreaCode: '110105' };
    const report = await client.importCsv(
      toCsv([
        listingRecord('NORM1', { category: 'power-strip', priceFen: 3_000 }),
        listingRecord('NORM2', { category: 'power-strip', priceFen: 5_000 }),
        listingRecord('NORM3', { category: 'power-strip', priceFen: 9_000, ...outside }),
        listingRecord('NORM4', { category: 'travel-bag', priceFen: 4_000, ...outside }),
        listingRecord('NORM5', { category: 'travel-bag', priceFen: 8_000, ...outside }),
      ]),
    );
    expect(report.body['accepted']).toBe(5);
    const plan = await client.approvedPlan(
      planCommand({
        scheme: {
          ...planCommand().scheme,
          categories: [
            quota({ category: 'power-strip', quota: 2 }),
            quota({ category: 'travel-bag', quota: 2 }),
          ],
        },
      }),
    );
    const reply = await client.call<{
      categories: Array<{ category: string; median: number; mad: number; ranked: number; random: number }>;
      listings: Array<{ platformListingId: string }>;
    }>('POST', `/plans/${plan}/selection`, PLANNER);
    expect(reply.status).toBe(200);
    // Median and MAD of every listing of the category, those out of scope included.
    expect(reply.body.categories).toEqual([
      expect.objectContaining({ category: 'power-strip', median: 5_000, mad: 2_000 }),
      expect.objectContaining({ category: 'travel-bag', median: 6_000, mad: 2_000, ranked: 0, random: 0 }),
    ]);
    expect(reply.body.listings.map((l) => l.platformListingId).sort()).toEqual(['NORM1', 'NORM2']);
  });

  it('refuses to select for a plan already issued (409)', async () => {
    const planId = await client.approvedPlan(
      planCommand({ scheme: { ...planCommand().scheme, categories: [quota({ quota: 1 })] } }),
    );
    await client.select(planId);
    expect((await client.call('POST', `/plans/${planId}/issue`, PLANNER)).status).toBe(200);
    expect((await client.call('POST', `/plans/${planId}/selection`, PLANNER)).status).toBe(409);
  });
});
