import { ApiError, ServiceApi, query, seg } from './http';

export interface ResultFilter {
  /** free text: seller, sample, brand, producer, model, platform, items */
  q?: string;
  category?: string;
  /** platform name as published (淘宝); `none` for own websites */
  platform?: string;
  /** GB/T 2260 province, city or district of the seller */
  region?: string;
  verdict?: 'pass' | 'fail';
  /** `2026`, `2026-Q2` or `2026-04` of the final result */
  period?: string;
}

export interface Paging {
  /** from 1 */
  page?: number;
  /** up to 100 */
  pageSize?: number;
}

export interface PublicResult {
  id: string;
  kind: string;
  version: number;
  status: string;
  supersedes: string | null;
  supersededBy: string | null;
  sellerName: string;
  sampleName: string;
  claimedBrand: string | null;
  claimedProducer: string | null;
  specModel: string | null;
  productionDate: string | null;
  mainNonconformingItems: string[];
  verdict: 'pass' | 'fail';
  platform: string | null;
  platformName: string | null;
  category: string;
  categoryName: string;
  regionCode: string | null;
  regionName: string | null;
  resultDate: string;
  publishedAt: string;
  reason: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface Estimate {
  value: number;
  low: number;
  high: number;
}

export interface StatisticsRow {
  /** a code, a platform name, a period; `unknown` / `none` when absent */
  key: string;
  tested: number;
  threeNo: number;
  passRate: Estimate | null;
  /** 不合格检出率 */
  detectionRate: Estimate | null;
  threeNoRate: Estimate | null;
  /** 质量指数, 0–100 */
  qualityIndex: Estimate | null;
  smallSample: boolean;
}

export interface Statistics {
  rows: StatisticsRow[];
  total: StatisticsRow;
  filters: Record<string, string>;
}

export type StatisticsDimension =
  'category' | 'platform' | 'province' | 'city' | 'district' | 'month' | 'quarter' | 'year';

/**
 * Disclosure (:7106), the anonymous public reads. A result is published when disclosure consumes
 * `enforcement.result-final.v1` (and announced on `disclosure.result-published.v1`).
 */
export class DisclosureReader extends ServiceApi {
  /** Published results, current versions (withdrawn ones left out), filtered and paged. */
  results(filter: ResultFilter & Paging = {}): Promise<Page<PublicResult>> {
    return this.call<Page<PublicResult>>(null, 'GET', `/public/results${query({ ...filter })}`);
  }

  /** One result by the id of any of its versions, with its history (corrections, withdrawal). */
  result(id: string): Promise<PublicResult & { history: PublicResult[] }> {
    return this.call(null, 'GET', `/public/results/${seg(id)}`);
  }

  /** Public notices (公告通知) that replaced result notices that could not be delivered. */
  publicNotices(paging: Paging = {}): Promise<Page<Record<string, unknown>>> {
    return this.call(null, 'GET', `/public/notices${query({ ...paging })}`);
  }

  /** The categories, platforms, regions and periods the filters offer. */
  facets(): Promise<Record<string, unknown>> {
    return this.call(null, 'GET', '/public/facets');
  }

  /** Pass rate, non-conformity detection rate, three-no rate and quality index by a dimension (`from`/`to`: YYYY-MM). */
  statistics(
    by: StatisticsDimension,
    filter: Omit<ResultFilter, 'q' | 'verdict'> & { from?: string; to?: string } = {},
  ): Promise<Statistics> {
    return this.call<Statistics>(null, 'GET', `/public/statistics${query({ by, ...filter })}`);
  }

  /** Open data: the published results as JSON (`{ dataset, generatedAt, count, items }`), filtered like the list. */
  openDataResults(
    filter: ResultFilter = {},
  ): Promise<{ count: number; items: PublicResult[] } & Record<string, unknown>> {
    return this.call(null, 'GET', `/open-data/results.json${query({ ...filter })}`);
  }

  /** Open data as CSV text (UTF-8 with BOM; header row `en` field names or `zh` Chinese). */
  async openDataCsv(
    dataset: 'results' | 'statistics',
    params: ResultFilter & { by?: StatisticsDimension; header?: 'en' | 'zh' } = {},
  ): Promise<string> {
    const res = await this.request<string>(null, 'GET', `/open-data/${dataset}.csv${query({ ...params })}`);
    if (res.status !== 200)
      throw new ApiError('GET', `${this.baseUrl}/open-data/${dataset}.csv`, res.status, res.body);
    return res.body;
  }

  /** The public page's address (HTML). */
  get publicPageUrl(): string {
    return `${this.baseUrl}/`;
  }
}
