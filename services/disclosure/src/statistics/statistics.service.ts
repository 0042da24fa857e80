import { Injectable } from '@nestjs/common';
import { jurisdictionLevel, jurisdictionPrefix } from '@qis/auth';
import { DataSource } from 'typeorm';
import { categoryName } from '../dimensions/category-names';
import { periodMonths } from '../dimensions/period';
import { RegionDirectory } from '../dimensions/region-directory';
import { qualityIndex } from './quality-index';
import type { StatisticsDimension, StatisticsQuery } from './statistics.query-dto';
import type { StatisticsRowView, StatisticsView } from './statistics.view';
import { wilson } from './wilson';

/** Below this many batches a figure is flagged: the interval says more than the point value. */
const SMALL_SAMPLE = 30;

const KEY_SQL: Record<StatisticsDimension, string> = {
  category: 'category',
  platform: `coalesce(nullif(platform, ''), 'none')`,
  province: `case when region_code = '' then 'unknown' else substr(region_code, 1, 2) || '0000' end`,
  city: `case when region_code = '' then 'unknown' else substr(region_code, 1, 4) || '00' end`,
  district: `coalesce(nullif(region_code, ''), 'unknown')`,
  month: 'month',
  quarter: `substr(month, 1, 4) || '-Q' || ((substr(month, 6, 2)::int + 2) / 3)`,
  year: 'substr(month, 1, 4)',
};

interface SumRow {
  key: string;
  tested: number;
  failed: number;
  three_no: number;
  no_producer: number;
  no_address: number;
  no_certificate: number;
}

const SUMS = `sum(tested)::int as tested, sum(failed)::int as failed, sum(three_no)::int as three_no,
  sum(no_producer)::int as no_producer, sum(no_address)::int as no_address, sum(no_certificate)::int as no_certificate`;

/** Statistics over the aggregate cells: one row per value of a dimension, and the total. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionDirectory,
  ) {}

  async breakdown(query: StatisticsQuery, now = new Date()): Promise<StatisticsView> {
    const where: string[] = ['tested > 0'];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.category) where.push(`category = ${param(query.category)}`);
    if (query.platform) where.push(`platform = ${param(query.platform === 'none' ? '' : query.platform)}`);
    if (query.region) {
      where.push(
        jurisdictionLevel(query.region) === 'district'
          ? `region_code = ${param(query.region)}`
          : `region_code like ${param(`${jurisdictionPrefix(query.region)}%`)}`,
      );
    }
    if (query.period) {
      const [from, to] = periodMonths(query.period);
      where.push(`month between ${param(from)} and ${param(to)}`);
    }
    if (query.from) where.push(`month >= ${param(query.from)}`);
    if (query.to) where.push(`month <= ${param(query.to)}`);
    const filter = where.join(' and ');
    const rows = (await this.dataSource.query(
      `select ${KEY_SQL[query.by]} as key, ${SUMS} from stat_cell where ${filter} group by 1 order by 1`,
      params,
    )) as SumRow[];
    const [total] = (await this.dataSource.query(
      `select 'all' as key, ${SUMS} from stat_cell where ${filter}`,
      params,
    )) as SumRow[];
    const filters = Object.fromEntries(
      (['category', 'platform', 'region', 'period', 'from', 'to'] as const)
        .filter((k) => query[k] !== undefined)
        .map((k) => [k, query[k] as string]),
    );
    return {
      by: query.by,
      filters,
      rows: rows.map((r) => this.row(r, this.label(query.by, r.key))),
      total: this.row(total ?? emptySums, '合计'),
      generatedAt: now.toISOString(),
    };
  }

  private row(sums: SumRow, label: string): StatisticsRowView {
    const tested = sums.tested ?? 0;
    const failed = sums.failed ?? 0;
    const passRate = wilson(tested - failed, tested);
    const threeNoRate = wilson(sums.three_no ?? 0, tested);
    return {
      key: sums.key,
      label,
      tested,
      passed: tested - failed,
      failed,
      threeNo: sums.three_no ?? 0,
      noProducer: sums.no_producer ?? 0,
      noAddress: sums.no_address ?? 0,
      noCertificate: sums.no_certificate ?? 0,
      passRate,
      detectionRate: wilson(failed, tested),
      threeNoRate,
      qualityIndex: qualityIndex(passRate, threeNoRate),
      smallSample: tested < SMALL_SAMPLE,
    };
  }

  private label(by: StatisticsDimension, key: string): string {
    if (key === 'unknown') return '地区不详';
    if (key === 'none') return '非平台（自建网站）';
    if (by === 'category') return categoryName(key).zh;
    if (by === 'province' || by === 'city' || by === 'district') return this.regions.name(key);
    return key;
  }
}

const emptySums: SumRow = {
  key: 'all',
  tested: 0,
  failed: 0,
  three_no: 0,
  no_producer: 0,
  no_address: 0,
  no_certificate: 0,
};
