import { ResultFinal } from '@qis/contracts';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import type { PublicResultView } from '../publication/public-result.view';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { resultFinal, type ResultFinalOverrides } from '../test-support/result-final.factory';
import type { StatisticsRowView, StatisticsView } from './statistics.view';
import { wilson } from './wilson';

let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;

const jd = { code: 'jd', name: '京东', operatorName: '北京京东叁佰陆拾度电子商务有限公司' };
const threeNo: ResultFinalOverrides['claimed'] = {
  producerName: undefined,
  producerAddress: undefined,
  hasCertificate: false,
};
const noCertificate: ResultFinalOverrides['claimed'] = { hasCertificate: false };

/** 8 results: silk quilts on Taobao in Hangzhou (Jan–Feb), power strips on JD in Nanjing (Apr), one own-site sale. */
const SEEDS: Array<[string, ResultFinalOverrides]> = [
  ['HZ2026-300001', { finalAt: '2026-01-05T02:00:00.000Z' }],
  ['HZ2026-300002', { finalAt: '2026-01-06T02:00:00.000Z', verdict: 'pass', failingItems: [] }],
  [
    'HZ2026-300003',
    { finalAt: '2026-01-31T17:00:00.000Z', verdict: 'pass', failingItems: [], claimed: threeNo },
  ],
  [
    'HZ2026-300004',
    {
      finalAt: '2026-02-10T02:00:00.000Z',
      verdict: 'pass',
      failingItems: [],
      seller: { registeredAreaCode: '330102' },
    },
  ],
  [
    'HZ2026-300005',
    {
      finalAt: '2026-04-10T02:00:00.000Z',
      category: 'power-strip',
      platform: jd,
      seller: { registeredAreaCode: '320102' },
      claimed: threeNo,
    },
  ],
  [
    'HZ2026-300006',
    {
      finalAt: '2026-04-11T02:00:00.000Z',
      category: 'power-strip',
      platform: jd,
      seller: { registeredAreaCode: '320102' },
      verdict: 'pass',
      failingItems: [],
      claimed: noCertificate,
    },
  ],
  [
    'HZ2026-300007',
    {
      finalAt: '2026-04-12T02:00:00.000Z',
      category: 'power-strip',
      platform: jd,
      seller: { registeredAreaCode: '320104' },
    },
  ],
  [
    'HZ2026-300008',
    {
      finalAt: '2026-05-02T02:00:00.000Z',
      category: 'power-strip',
      platform: null,
      seller: { registeredAreaCode: undefined },
    },
  ],
];

const stats = (query: string): Promise<StatisticsView> =>
  fx.get<StatisticsView>(`/public/statistics?${query}`);
const row = (view: StatisticsView, key: string): StatisticsRowView => {
  const found = view.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${JSON.stringify(view.rows.map((r) => r.key))}`);
  return found;
};
const counts = (r: StatisticsRowView) => [r.tested, r.failed, r.threeNo];

beforeAll(async () => {
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
  for (const [batch, over] of SEEDS) {
    const messageId = await fx.emit(ResultFinal, batch, resultFinal(batch, over));
    // every message delivered twice: the inbox applies it once
    await fx.emit(ResultFinal, batch, resultFinal(batch, over), messageId);
  }
  await fx.awaitResults('', SEEDS.length);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  await service?.stop();
});

describe('statistics updated from final results', () => {
  it('counts each result once and gives pass, detection and three-no rates with Wilson intervals and the quality index', async () => {
    const view = await stats('by=category');
    expect(view.total).toMatchObject({
      tested: 8,
      passed: 4,
      failed: 4,
      threeNo: 3,
      noProducer: 2,
      noAddress: 2,
      noCertificate: 3,
    });
    const silk = row(view, 'silk-quilt');
    expect(silk).toMatchObject({
      label: '蚕丝被',
      tested: 4,
      passed: 3,
      failed: 1,
      threeNo: 1,
      smallSample: true,
    });
    expect(silk.passRate).toEqual(wilson(3, 4));
    expect(silk.detectionRate).toEqual(wilson(1, 4));
    expect(silk.threeNoRate).toEqual(wilson(1, 4));
    expect(silk.qualityIndex?.value).toBeCloseTo(100 * (0.8 * 0.75 + 0.2 * 0.75), 1);
    expect(silk.qualityIndex?.low).toBeLessThan(silk.qualityIndex?.value ?? 0);
    expect(counts(row(view, 'power-strip'))).toEqual([4, 3, 2]);
  });

  it('breaks down by platform (own websites as none) and by province, city and district of the seller', async () => {
    const platforms = await stats('by=platform');
    expect(platforms.rows.map((r) => [r.key, r.label, r.tested])).toEqual([
      ['none', '非平台（自建网站）', 1],
      ['京东', '京东', 3],
      ['淘宝', '淘宝', 4],
    ]);
    const provinces = await stats('by=province');
    expect(provinces.rows.map((r) => [r.key, r.label, r.tested])).toEqual([
      ['320000', '江苏省', 3],
      ['330000', '浙江省', 4],
      ['unknown', '地区不详', 1],
    ]);
    expect((await stats('by=city&region=320000')).rows.map((r) => [r.key, r.label, r.tested])).toEqual([
      ['320100', '江苏省南京市', 3],
    ]);
    expect((await stats('by=district&region=330100')).rows.map((r) => [r.key, r.label, r.tested])).toEqual([
      ['330102', '浙江省杭州市上城区', 1],
      ['330106', '浙江省杭州市西湖区', 3],
    ]);
  });

  it('gives the trend by month (Asia/Shanghai) and quarter, and filters by category, platform and period', async () => {
    const months = await stats('by=month');
    // 2026-01-31T17:00Z is already 1 February in Shanghai
    expect(months.rows.map((r) => [r.key, r.tested])).toEqual([
      ['2026-01', 2],
      ['2026-02', 2],
      ['2026-04', 3],
      ['2026-05', 1],
    ]);
    expect((await stats('by=quarter')).rows.map((r) => [r.key, r.tested])).toEqual([
      ['2026-Q1', 4],
      ['2026-Q2', 4],
    ]);
    expect((await stats('by=month&category=power-strip&platform=%E4%BA%AC%E4%B8%9C')).total.tested).toBe(3);
    expect((await stats('by=category&period=2026-Q2')).total.tested).toBe(4);
    expect((await stats('by=category&from=2026-02&to=2026-04')).total.tested).toBe(5);
    expect((await stats('by=category&platform=none')).total.tested).toBe(1);
  });

  it('follows corrections and withdrawals: a corrected verdict moves the result, a withdrawn one leaves the figures', async () => {
    const [first] = await fx.awaitResults<PublicResultView>('period=2026-01&verdict=fail', 1);
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100' };
    const corrected = await fx.call<PublicResultView>(
      'POST',
      `/publications/${first?.id}/corrections`,
      officer,
      {
        reason: '复检结论更正为合格',
        verdict: 'pass',
      },
    );
    expect(corrected.status).toBe(201);
    expect(counts(row(await stats('by=month'), '2026-01'))).toEqual([2, 0, 0]);
    const withdrawn = await fx.call('POST', `/publications/${corrected.body.id}/withdrawal`, officer, {
      reason: '撤回',
    });
    expect(withdrawn.status).toBe(201);
    const after = await stats('by=month');
    expect(counts(row(after, '2026-01'))).toEqual([1, 0, 0]);
    expect(after.total.tested).toBe(7);
  });

  it('answers a bad query with 400 naming each field', async () => {
    const res = await fx.call<{ errors: Array<{ field: string }> }>(
      'GET',
      '/public/statistics?by=shop&from=2026-13&region=33',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['by', 'from', 'region']);
  });

  it('refuses a NUL character in a filter with 400 naming it, in the JSON and the CSV (found by fuzzing: it was a 500)', async () => {
    for (const path of ['/public/statistics', '/open-data/statistics.csv']) {
      const res = await fx.call<{ errors: Array<{ field: string; reasons: string[] }> }>(
        'GET',
        `${path}?by=category&platform=%C2%85%00L&category=silk-quilt`,
      );
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'platform', reasons: ['must not contain the NUL character'] },
      ]);
    }
  });

  it('has no rates for an empty selection rather than dividing by zero', async () => {
    const view = await stats('by=category&period=2020');
    expect(view.rows).toEqual([]);
    expect(view.total).toMatchObject({ tested: 0, passRate: null, qualityIndex: null });
  });
});

describe('exactly once', () => {
  it('never counts a result twice, whatever the redeliveries (fact rows equal published results)', async () => {
    await expectEventually(async () => {
      const [facts] = (await service.app
        .get(DataSource)
        .query(
          `select count(*)::int as n, sum(case when counted then 1 else 0 end)::int as counted from result_fact`,
        )) as Array<{
        n: number;
        counted: number;
      }>;
      expect(facts).toEqual({ n: 8, counted: 7 });
    });
  });
});
