import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { jurisdictionLevel, jurisdictionPrefix } from '@qis/auth';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { categoryName } from '../dimensions/category-names';
import { regionAt, RegionDirectory } from '../dimensions/region-directory';
import { periodMonths, quarterOf } from '../dimensions/period';
import type { ResultFilterQuery } from '../dimensions/result-filter.query';
import type { PageQuery } from '../dimensions/page.query';
import { Publication } from './publication.entity';
import type { FacetsView } from './facets.view';
import { PublicNotice } from './public-notice.entity';
import { PublicNoticeView, type PublicNoticePage } from './public-notice.view';
import { PublicResultDetailView, PublicResultView, type PublicResultPage } from './public-result.view';

const SEARCHED = [
  'p.seller_name',
  'p.sample_name',
  'p.claimed_brand',
  'p.claimed_producer',
  'p.spec_model',
  'p.platform',
  'p.platform_name',
  'p.main_nonconforming_items::text',
];

/** Reads what the public may see: current, not withdrawn results; a result with its history; notices. */
@Injectable()
export class PublicResultsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionDirectory,
  ) {}

  /** Current versions of the results that are not withdrawn, matching the filters. */
  current(filter: ResultFilterQuery): SelectQueryBuilder<Publication> {
    const qb = this.dataSource
      .getRepository(Publication)
      .createQueryBuilder('p')
      .where('p.superseded_by is null')
      .andWhere(`p.kind <> 'withdrawal'`);
    if (filter.q?.trim()) {
      const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(`concat_ws(' ', ${SEARCHED.join(', ')}) ilike :like`, { like });
    }
    if (filter.category) qb.andWhere('p.category = :category', { category: filter.category });
    if (filter.platform === 'none') qb.andWhere('p.platform is null');
    else if (filter.platform) qb.andWhere('p.platform = :platform', { platform: filter.platform });
    if (filter.region) {
      if (jurisdictionLevel(filter.region) === 'district')
        qb.andWhere('p.region_code = :region', { region: filter.region });
      else qb.andWhere('p.region_code like :prefix', { prefix: `${jurisdictionPrefix(filter.region)}%` });
    }
    if (filter.verdict) qb.andWhere('p.verdict = :verdict', { verdict: filter.verdict });
    if (filter.period) {
      const [from, to] = periodMonths(filter.period);
      qb.andWhere('p.month between :from and :to', { from, to });
    }
    return qb;
  }

  async page(query: ResultFilterQuery & PageQuery): Promise<PublicResultPage> {
    const [rows, total] = await this.current(query)
      .orderBy('p.published_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((p) => PublicResultView.of(p, this.regions)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** Any version's id opens the whole result: the current version and every earlier one. */
  async detail(id: string): Promise<PublicResultDetailView> {
    const repo = this.dataSource.getRepository(Publication);
    const one = await repo.findOneBy({ id });
    if (!one) throw notFound('result', id);
    const versions = await repo.find({ where: { batchNumber: one.batchNumber }, order: { version: 'DESC' } });
    const current = versions[0] as Publication;
    return {
      current: PublicResultView.of(current, this.regions),
      history: versions.map((v) => PublicResultView.of(v, this.regions, current)),
    };
  }

  async facets(bureau: string): Promise<FacetsView> {
    const rows = (await this.current({})
      .select('p.category', 'category')
      .addSelect('p.platform', 'platform')
      .addSelect('p.region_code', 'region')
      .addSelect('p.month', 'month')
      .distinct(true)
      .getRawMany()) as Array<{
      category: string;
      platform: string | null;
      region: string | null;
      month: string;
    }>;
    const distinct = (values: Array<string | null>): string[] =>
      [...new Set(values.filter((v): v is string => v !== null))].sort();
    const districts = distinct(rows.map((r) => r.region));
    const regionCodes = [
      ...new Set(districts.flatMap((d) => [regionAt(d, 'province'), regionAt(d, 'city'), d])),
    ].sort();
    const months = distinct(rows.map((r) => r.month));
    const periods = [...new Set(months.flatMap((m) => [m.slice(0, 4), quarterOf(m), m]))].sort().reverse();
    return {
      categories: distinct(rows.map((r) => r.category)).map(categoryName),
      platforms: [
        ...distinct(rows.map((r) => r.platform)),
        ...(rows.some((r) => r.platform === null) ? ['none'] : []),
      ],
      regions: regionCodes.map((code) => this.regions.region(code)),
      periods,
      bureau,
    };
  }

  /** Corrections and withdrawals, newest first: what changed on the public record, and why. */
  async revisions(query: PageQuery): Promise<PublicResultPage> {
    const [rows, total] = await this.dataSource.getRepository(Publication).findAndCount({
      where: { kind: In(['correction', 'withdrawal']) },
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((p) => PublicResultView.of(p, this.regions)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  async notices(query: PageQuery): Promise<PublicNoticePage> {
    const [rows, total] = await this.dataSource.getRepository(PublicNotice).findAndCount({
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((n) => PublicNoticeView.of(n)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
