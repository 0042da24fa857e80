import { randomUUID } from 'node:crypto';
import { ResultFinal, ResultNotified, ResultPublished, type ResultPublishedValue } from '@qis/contracts';
import { expectEventually, startTestService, type TestClaims, type TestService } from '@qis/testing';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { publicNoticeNotified, resultFinal } from '../test-support/result-final.factory';
import type { PublicNoticeView } from './public-notice.view';
import type { PublicResultDetailView, PublicResultView } from './public-result.view';

const cityOfficer: TestClaims = {
  roles: ['enforcement-officer'],
  jurisdiction: '330100',
  sub: 'officer-zhao',
};
const districtOfficer: TestClaims = {
  roles: ['enforcement-officer'],
  jurisdiction: '330102',
  sub: 'officer-qian',
};

let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;

beforeAll(async () => {
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  await service?.stop();
});

const one = async (sellerName: string): Promise<PublicResultView> => {
  const [found] = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent(sellerName)}`, 1);
  return found as PublicResultView;
};

describe('publication of final results', () => {
  it('publishes a final result with exactly the public fields and emits result-published', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100001',
      resultFinal('HZ2026-100001', { seller: { name: '杭州公示家纺有限公司' } }),
    );
    const result = await one('杭州公示家纺有限公司');
    expect(result).toMatchObject({
      kind: 'result',
      version: 1,
      status: 'published',
      supersedes: null,
      sellerName: '杭州公示家纺有限公司',
      sampleName: '桑蚕丝被',
      claimedBrand: '示例',
      claimedProducer: '湖州示例丝绸有限公司',
      specModel: '200cm×230cm 1.5kg',
      productionDate: '2025-11-02',
      mainNonconformingItems: ['蚕丝含量'],
      verdict: 'fail',
      platform: '淘宝',
      platformName: '浙江淘宝网络有限公司',
      category: 'silk-quilt',
      categoryName: '蚕丝被',
      regionCode: '330106',
      regionName: '浙江省杭州市西湖区',
      resultDate: '2026-04-06',
    });
    await expectEventually(async () => {
      const events = await fx.outbox<ResultPublishedValue>(ResultPublished);
      const mine = events.find((e) => e.value.publicResultId === result.id);
      expect(mine?.key).toBe('HZ2026-100001');
      expect(mine?.value).toEqual({
        publicResultId: result.id,
        kind: 'result',
        sellerName: '杭州公示家纺有限公司',
        sampleName: '桑蚕丝被',
        claimedBrand: '示例',
        claimedProducer: '湖州示例丝绸有限公司',
        specModel: '200cm×230cm 1.5kg',
        productionDate: '2025-11-02',
        mainNonconformingItems: ['蚕丝含量'],
        verdict: 'fail',
        platformName: '浙江淘宝网络有限公司',
        publishedAt: result.publishedAt,
      });
    });
  });

  it('relays result-published to Kafka, keyed by the batch, with the headers of the backbone', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100005',
      resultFinal('HZ2026-100005', { seller: { name: 'Kafka转发测试店' } }),
    );
    const result = await one('Kafka转发测试店');
    const read = await fx.readTopic<ResultPublishedValue>(ResultPublished, (m) =>
      m.some((x) => x.value.publicResultId === result.id),
    );
    const mine = read.find((x) => x.value.publicResultId === result.id);
    expect(mine?.key).toBe('HZ2026-100005');
    expect(mine?.headers).toMatchObject({
      type: 'disclosure.result-published',
      version: '1',
      producer: 'disclosure',
    });
    expect(mine?.value.sellerName).toBe('Kafka转发测试店');
  });

  it('publishes no nonconforming items for a passing result and no platform for an own-site sale', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100002',
      resultFinal('HZ2026-100002', { verdict: 'pass', seller: { name: '独立站合格商行' }, platform: null }),
    );
    const result = await one('独立站合格商行');
    expect(result).toMatchObject({
      verdict: 'pass',
      mainNonconformingItems: [],
      platform: null,
      platformName: null,
    });
  });

  it('publishes a batch once: a redelivered message and a second final result change nothing', async () => {
    const value = resultFinal('HZ2026-100003', { seller: { name: '重复投递测试店' } });
    const messageId = await fx.emit(ResultFinal, 'HZ2026-100003', value);
    await fx.emit(ResultFinal, 'HZ2026-100003', value, messageId);
    await fx.emit(ResultFinal, 'HZ2026-100003', { ...value, verdict: 'pass', failingItems: [] });
    // a later batch proves the three messages before it were consumed
    await fx.emit(ResultFinal, 'HZ2026-100003', value);
    await fx.emit(
      ResultFinal,
      'HZ2026-100004',
      resultFinal('HZ2026-100004', { seller: { name: '重复投递之后' } }),
    );
    await one('重复投递之后');
    const [result] = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent('重复投递测试店')}`, 1);
    expect(result?.verdict).toBe('fail');
    const events = await fx.outbox<ResultPublishedValue>(ResultPublished);
    expect(events.filter((e) => e.key === 'HZ2026-100003')).toHaveLength(1);
  });
});

describe('public notices', () => {
  it('publishes the public notice of an undeliverable result notice, with the fields the rules list, once', async () => {
    const value = publicNoticeNotified('HZ2026-100010');
    const messageId = await fx.emit(ResultNotified, 'HZ2026-100010', value);
    await fx.emit(ResultNotified, 'HZ2026-100010', value, messageId);
    await fx.emit(ResultNotified, 'HZ2026-100011', {
      ...ResultNotified.example.value,
      batchNumber: 'HZ2026-100011',
    });
    let notices: PublicNoticeView[] = [];
    await expectEventually(async () => {
      notices = (await fx.get<{ items: PublicNoticeView[] }>('/public/notices')).items;
      expect(notices).toHaveLength(1);
    });
    expect(notices[0]).toEqual({
      id: expect.any(String),
      sellerName: '杭州无址电子商行',
      sampleName: '插座（转换器）',
      specModel: 'XB-306 10A 250V',
      listingUrl: 'https://item.taobao.com/item.htm?id=7099990001',
      orderNumber: '3387123456789012',
      platform: '淘宝',
      verdict: 'fail',
      publishedAt: expect.any(String),
    });
  });
});

describe('corrections and withdrawals', () => {
  it('lets a city officer correct a result: a new version supersedes the old, both stay readable, audited and emitted', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100020',
      resultFinal('HZ2026-100020', { seller: { name: '更正测试家纺店' } }),
    );
    const first = await one('更正测试家纺店');
    const res = await fx.call<PublicResultView>(
      'POST',
      `/publications/${first.id}/corrections`,
      cityOfficer,
      {
        reason: '生产日期录入错误',
        productionDate: '2025-10-02',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'correction',
      version: 2,
      supersedes: first.id,
      status: 'corrected',
    });

    for (const id of [first.id, res.body.id]) {
      const detail = await fx.get<PublicResultDetailView>(`/public/results/${id}`);
      expect(detail.current).toMatchObject({
        id: res.body.id,
        productionDate: '2025-10-02',
        reason: '生产日期录入错误',
      });
      expect(detail.history.map((v) => [v.version, v.kind, v.productionDate, v.supersededBy])).toEqual([
        [2, 'correction', '2025-10-02', null],
        [1, 'result', '2025-11-02', res.body.id],
      ]);
    }
    const list = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent('更正测试家纺店')}`, 1);
    expect(list[0]?.id).toBe(res.body.id);

    const events = (await fx.outbox<ResultPublishedValue>(ResultPublished)).filter(
      (e) => e.key === 'HZ2026-100020',
    );
    expect(events.map((e) => [e.value.kind, e.value.supersedes ?? null, e.value.productionDate])).toEqual([
      ['result', null, '2025-11-02'],
      ['correction', first.id, '2025-10-02'],
    ]);
    const audit = await fx.call<{
      items: Array<{ action: string; actor: string; detail: Record<string, unknown> }>;
    }>('GET', `/audit?entityType=publication&entityId=${res.body.id}`, { roles: ['auditor'] });
    expect(audit.body.items[0]).toMatchObject({
      action: 'publication.correction',
      actor: 'officer-zhao',
      detail: {
        supersedes: first.id,
        reason: '生产日期录入错误',
        changed: { productionDate: { from: '2025-11-02', to: '2025-10-02' } },
      },
    });
  });

  it('refuses corrections that break the rules: superseded version 409, no change 422, fail without items 422, pass with items 422, bad body 400', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100021',
      resultFinal('HZ2026-100021', { seller: { name: '规则测试店' } }),
    );
    const first = await one('规则测试店');
    const same = await fx.call('POST', `/publications/${first.id}/corrections`, cityOfficer, {
      reason: '无变化',
      verdict: 'fail',
    });
    expect(same.status).toBe(422);
    const noItems = await fx.call('POST', `/publications/${first.id}/corrections`, cityOfficer, {
      reason: '清空项目',
      mainNonconformingItems: [],
    });
    expect(noItems).toMatchObject({ status: 422, body: { errors: [{ field: 'mainNonconformingItems' }] } });
    const passWithItems = await fx.call('POST', `/publications/${first.id}/corrections`, cityOfficer, {
      reason: '改判',
      verdict: 'pass',
      mainNonconformingItems: ['蚕丝含量'],
    });
    expect(passWithItems.status).toBe(422);
    const bad = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      `/publications/${first.id}/corrections`,
      cityOfficer,
      {
        reason: '格式',
        productionDate: '2025-13-01',
        buyerName: '张三',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['buyerName', 'productionDate']);

    const pass = await fx.call<PublicResultView>(
      'POST',
      `/publications/${first.id}/corrections`,
      cityOfficer,
      {
        reason: '复核改判合格',
        verdict: 'pass',
      },
    );
    expect(pass.body).toMatchObject({ verdict: 'pass', mainNonconformingItems: [] });
    const stale = await fx.call<{ message: string }>(
      'POST',
      `/publications/${first.id}/corrections`,
      cityOfficer,
      {
        reason: '旧版本',
        specModel: 'X',
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain(pass.body.id);
  });

  it('lets only officers covering the bureau and admins revise: a district officer 403, a platform 403, an unknown id 404', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100022',
      resultFinal('HZ2026-100022', { seller: { name: '权限测试店' } }),
    );
    const first = await one('权限测试店');
    const body = { reason: '型号更正', specModel: 'Y-1' };
    const cases: Array<[string, TestClaims, string, number]> = [
      ['a district officer', districtOfficer, first.id, 403],
      ['a platform', { roles: ['platform'], platformId: 'taobao' }, first.id, 403],
      ['a city officer, unknown id', cityOfficer, randomUUID(), 404],
      ['a province officer', { roles: ['enforcement-officer'], jurisdiction: '330000' }, first.id, 201],
    ];
    const statuses = [];
    for (const [who, claims, id] of cases) {
      statuses.push([who, (await fx.call('POST', `/publications/${id}/corrections`, claims, body)).status]);
    }
    expect(statuses).toEqual(cases.map(([who, , , status]) => [who, status]));
  });

  it('withdraws a result: it leaves the list, its page shows the withdrawal and the history, and it cannot be revised again', async () => {
    await fx.emit(
      ResultFinal,
      'HZ2026-100023',
      resultFinal('HZ2026-100023', { seller: { name: '撤回测试店' } }),
    );
    const first = await one('撤回测试店');
    const res = await fx.call<PublicResultView>(
      'POST',
      `/publications/${first.id}/withdrawal`,
      { roles: ['admin'], sub: 'admin-sun' },
      {
        reason: '检验报告被撤销',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'withdrawal', status: 'withdrawn', reason: '检验报告被撤销' });
    await fx.awaitResults(`q=${encodeURIComponent('撤回测试店')}`, 0);
    const detail = await fx.get<PublicResultDetailView>(`/public/results/${first.id}`);
    expect(detail.current.status).toBe('withdrawn');
    expect(detail.history.map((v) => v.kind)).toEqual(['withdrawal', 'result']);
    const revisions = await fx.get<{ items: PublicResultView[] }>('/public/revisions');
    expect(revisions.items.find((r) => r.id === res.body.id)).toMatchObject({
      kind: 'withdrawal',
      reason: '检验报告被撤销',
      sellerName: '撤回测试店',
    });
    const again = await fx.call('POST', `/publications/${res.body.id}/withdrawal`, cityOfficer, {
      reason: '再次撤回',
    });
    expect(again.status).toBe(409);
    const events = (await fx.outbox<ResultPublishedValue>(ResultPublished)).filter(
      (e) => e.key === 'HZ2026-100023',
    );
    expect(events.map((e) => e.value.kind)).toEqual(['result', 'withdrawal']);
  });
});

describe('the public list', () => {
  beforeAll(async () => {
    const seeds: Array<[string, Parameters<typeof resultFinal>[1]]> = [
      [
        'HZ2026-100031',
        {
          seller: { name: '筛选甲店', registeredAreaCode: '330102' },
          category: 'power-strip',
          finalAt: '2026-01-10T03:00:00.000Z',
        },
      ],
      [
        'HZ2026-100032',
        {
          seller: { name: '筛选乙店', registeredAreaCode: '330106' },
          verdict: 'pass',
          failingItems: [],
          finalAt: '2026-02-10T03:00:00.000Z',
        },
      ],
      [
        'HZ2026-100033',
        {
          seller: { name: '筛选丙店', registeredAreaCode: '320102' },
          platform: { code: 'jd', name: '京东', operatorName: '北京京东叁佰陆拾度电子商务有限公司' },
          finalAt: '2026-05-10T03:00:00.000Z',
        },
      ],
    ];
    for (const [b, over] of seeds)
      await fx.emit(ResultFinal, b, resultFinal(b, { claimed: { brand: '筛选牌' }, ...over }));
    await fx.awaitResults('q=%E7%AD%9B%E9%80%89%E7%89%8C', 3);
  });

  const sellers = async (query: string): Promise<string[]> =>
    (
      await fx.get<{ items: PublicResultView[] }>(
        `/public/results?q=${encodeURIComponent('筛选牌')}&${query}`,
      )
    ).items
      .map((r) => r.sellerName)
      .sort();

  it('filters by category, platform, region at every level, verdict and period, and pages', async () => {
    expect(await sellers('category=power-strip')).toEqual(['筛选甲店']);
    expect(await sellers(`platform=${encodeURIComponent('京东')}`)).toEqual(['筛选丙店']);
    expect(await sellers('region=330000')).toEqual(['筛选乙店', '筛选甲店']);
    expect(await sellers('region=330100')).toEqual(['筛选乙店', '筛选甲店']);
    expect(await sellers('region=330102')).toEqual(['筛选甲店']);
    expect(await sellers('region=320000')).toEqual(['筛选丙店']);
    expect(await sellers('verdict=pass')).toEqual(['筛选乙店']);
    expect(await sellers('period=2026-Q1')).toEqual(['筛选乙店', '筛选甲店']);
    expect(await sellers('period=2026-05')).toEqual(['筛选丙店']);
    const page2 = await fx.get<{ items: PublicResultView[]; total: number; page: number }>(
      `/public/results?q=${encodeURIComponent('筛选牌')}&pageSize=2&page=2`,
    );
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const res = await fx.call<{ errors: Array<{ field: string }> }>(
      'GET',
      '/public/results?region=33&period=2026-Q5&pageSize=500&verdict=maybe',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['pageSize', 'period', 'region', 'verdict']);
    expect((await fx.call('GET', '/public/results/not-a-uuid')).status).toBe(400);
    expect((await fx.call('GET', `/public/results/${randomUUID()}`)).status).toBe(404);
  });

  it('offers as facets only values that occur, with region names at every level', async () => {
    const facets = await fx.get<{
      platforms: string[];
      regions: Array<{ code: string; name: string }>;
      periods: string[];
    }>('/public/facets');
    expect(facets.platforms).toEqual(expect.arrayContaining(['京东', '淘宝', 'none']));
    expect(facets.regions).toEqual(
      expect.arrayContaining([
        { code: '320000', level: 'province', name: '江苏省' },
        { code: '320100', level: 'city', name: '江苏省南京市' },
        { code: '330102', level: 'district', name: '浙江省杭州市上城区' },
      ]),
    );
    expect(facets.periods).toEqual(expect.arrayContaining(['2026', '2026-Q1', '2026-01', '2026-05']));
  });
});
