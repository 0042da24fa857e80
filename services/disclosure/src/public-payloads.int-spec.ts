import { ResultFinal, ResultNotified, ResultPublished, type ResultFinalValue } from '@qis/contracts';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { DisclosureConfig } from './disclosure.config';
import { disclosureService } from './disclosure.definition';
import type { PublicResultView } from './publication/public-result.view';
import { DisclosureFixture } from './test-support/disclosure-fixture';
import {
  fieldsOutsideAllowList,
  PUBLIC_ALLOW_LIST,
  secretsIn,
  type PublicPayloadKind,
} from './test-support/public-allow-list';
import { publicNoticeNotified, resultFinal } from './test-support/result-final.factory';

/**
 * Every public payload is checked against the allow-list of its kind (field names at any depth)
 * and searched for what must never be public: batch numbers, sample codes, report numbers, credit
 * codes, addresses, shop and listing links, order numbers (a public notice alone shows its link
 * and order number, as the rules require).
 */
let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;
const finals: ResultFinalValue[] = [
  resultFinal('HZ2026-200001', { seller: { name: '白名单甲店' } }),
  resultFinal('HZ2026-200002', {
    verdict: 'pass',
    failingItems: [],
    seller: {
      name: '白名单乙店',
      registeredAddress: '江苏省南京市玄武区秘密路9号',
      registeredAreaCode: '320102',
    },
    claimed: { producerName: undefined, producerAddress: undefined, hasCertificate: false },
  }),
  resultFinal('HZ2026-200003', { seller: { name: '白名单丙店' }, platform: null, category: 'power-strip' }),
];
const notice = publicNoticeNotified('HZ2026-200004');

const secrets = (forNotice: boolean): string[] => [
  ...finals.flatMap((f) => [
    f.batchNumber,
    f.sampleCode,
    f.reportNumber,
    f.seller.unifiedSocialCreditCode ?? '',
    f.seller.registeredAddress ?? '',
    f.seller.shopName,
    f.seller.shopUrl,
    f.claimed.producerAddress ?? '',
    f.listing.url,
    f.listing.title,
    f.platform?.operatorUnifiedSocialCreditCode ?? '',
  ]),
  notice.batchNumber,
  notice.reportNumber,
  ...notice.deliveries.map((d) => d.noticeNumber),
  ...(forNotice ? [] : [notice.publicNotice?.listingUrl ?? '', notice.publicNotice?.orderNumber ?? '']),
];

const collected: Array<{ kind: PublicPayloadKind; source: string; payload: unknown }> = [];
const collect = async (kind: PublicPayloadKind, path: string): Promise<unknown> => {
  const payload = await fx.get<unknown>(path);
  collected.push({ kind, source: `GET ${path}`, payload });
  return payload;
};

beforeAll(async () => {
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
  for (const f of finals) await fx.emit(ResultFinal, f.batchNumber, f);
  await fx.emit(ResultNotified, notice.batchNumber, notice);
  const published = await fx.awaitResults<PublicResultView>(`q=${encodeURIComponent('白名单')}`, 3);
  const [a, b] = published.sort((x, y) => x.sellerName.localeCompare(y.sellerName));
  const officer = { roles: ['enforcement-officer'], jurisdiction: '330100' };
  await fx.call('POST', `/publications/${a?.id}/corrections`, officer, {
    reason: '型号更正',
    specModel: 'Z-9',
  });
  await fx.call('POST', `/publications/${b?.id}/withdrawal`, officer, { reason: '报告撤销' });
  await expectEventually(async () => {
    expect((await fx.get<{ total: number }>('/public/notices')).total).toBe(1);
  });
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  await service?.stop();
});

const check = (kind: PublicPayloadKind, payload: unknown, source: string) => ({
  source,
  outside: fieldsOutsideAllowList(kind, payload),
  secrets: secretsIn(JSON.stringify(payload), secrets(kind === 'notice-page')),
});
const clean = (source: string) => ({ source, outside: [], secrets: [] });

describe('every public payload keeps to the allow-list', () => {
  it('the public JSON API: result list, every result with its history, notices, facets', async () => {
    const list = (await collect('result-page', '/public/results?pageSize=100')) as {
      items: PublicResultView[];
    };
    const ids = (await service.app.get(DataSource).query(`select id from publication`)) as Array<{
      id: string;
    }>;
    for (const { id } of ids) await collect('result-detail', `/public/results/${id}`);
    await collect('notice-page', '/public/notices');
    await collect('result-page', '/public/revisions');
    await collect('facets', '/public/facets');
    for (const by of ['category', 'platform', 'province', 'city', 'district', 'month', 'quarter', 'year']) {
      await collect('statistics', `/public/statistics?by=${by}&region=330000&period=2026`);
    }
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const results = collected.map((c) => check(c.kind, c.payload, c.source));
    expect(results).toEqual(collected.map((c) => clean(c.source)));
  });

  it('the open data: results and statistics as JSON and CSV', async () => {
    const sources: Array<[PublicPayloadKind, string]> = [
      ['results-export', '/open-data/results.json'],
      ['statistics-export', '/open-data/statistics.json?by=district'],
    ];
    const results = [];
    for (const [kind, path] of sources) results.push(check(kind, await fx.get<unknown>(path), path));
    for (const path of ['/open-data/results.csv', '/open-data/statistics.csv?by=platform']) {
      const text = await (await fetch(`${service.url}${path}`)).text();
      const header = (text.replace(/^\uFEFF/, '').split('\r\n')[0] as string).split(',');
      const kind = path.includes('results') ? 'results-export' : 'statistics-export';
      results.push({
        source: path,
        outside: header.filter(
          (name) => !(PUBLIC_ALLOW_LIST[kind] as string[]).includes(name) && !/(Low|High)$/.test(name),
        ),
        secrets: secretsIn(text, secrets(false)),
      });
    }
    expect(results).toEqual(
      [...sources.map(([, p]) => p), '/open-data/results.csv', '/open-data/statistics.csv?by=platform'].map(
        clean,
      ),
    );
  });

  it('the result-published events', async () => {
    const events = await fx.outbox<unknown>(ResultPublished);
    expect(events.map((e) => (e.value as { kind: string }).kind).sort()).toEqual([
      'correction',
      'result',
      'result',
      'result',
      'withdrawal',
    ]);
    const results = events.map((e, i) => check('result-published', e.value, `event ${i}`));
    expect(results).toEqual(events.map((_, i) => clean(`event ${i}`)));
  });

  it('the checker itself catches a field outside the list and a leaked secret', () => {
    expect(
      fieldsOutsideAllowList('result-page', { items: [{ sellerName: 'x', batchNumber: 'HZ2026-200001' }] }),
    ).toEqual(['items[].batchNumber']);
    expect(secretsIn(JSON.stringify({ sellerName: 'HZ2026-200001' }), secrets(false))).toEqual([
      'HZ2026-200001',
    ]);
  });
});
