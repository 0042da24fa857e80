import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { RegionDirectory } from '../dimensions/region-directory';
import type { PageQuery } from '../dimensions/page.query';
import type { PublicationAdminQuery } from './publication-admin.query-dto';
import type {
  PublicationAdminDetailView,
  PublicationAdminPage,
  PublicationAdminView,
} from './publication-admin.view';
import { Publication } from './publication.entity';
import { PublicNotice } from './public-notice.entity';
import { PublicNoticeAdminPage } from './public-notice.view';
import { PublicResultView } from './public-result.view';

const KIND_OF_STATUS = {
  published: 'publication',
  corrected: 'correction',
  withdrawn: 'withdrawal',
} as const;

/** What the bureau's disclosure officer reads: every result's current version (withdrawn too), with its batch. */
@Injectable()
export class PublicationAdminQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionDirectory,
  ) {}

  private view(p: Publication, current: Publication = p): PublicationAdminView {
    return {
      ...PublicResultView.of(p, this.regions, current),
      batchNumber: p.batchNumber,
      platformCode: p.platformCode,
    };
  }

  async page(query: PublicationAdminQuery): Promise<PublicationAdminPage> {
    const qb = this.dataSource
      .getRepository(Publication)
      .createQueryBuilder('p')
      .where('p.superseded_by is null');
    if (query.status) qb.andWhere('p.kind = :kind', { kind: KIND_OF_STATUS[query.status] });
    if (query.q?.trim()) {
      const term = query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('(p.batch_number ilike :start or p.seller_name ilike :like or p.sample_name ilike :like)', {
        start: `${term}%`,
        like: `%${term}%`,
      });
    }
    const [rows, total] = await qb
      .orderBy('p.published_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map((p) => this.view(p)), page: query.page, pageSize: query.pageSize, total };
  }

  /** Any version's id opens the whole result, newest version first. */
  async detail(id: string): Promise<PublicationAdminDetailView> {
    const repo = this.dataSource.getRepository(Publication);
    const one = await repo.findOneBy({ id });
    if (!one) throw notFound('publication', id);
    const versions = await repo.find({ where: { batchNumber: one.batchNumber }, order: { version: 'DESC' } });
    const current = versions[0] as Publication;
    return { current: this.view(current), history: versions.map((v) => this.view(v, current)) };
  }

  async notices(query: PageQuery): Promise<PublicNoticeAdminPage> {
    const [rows, total] = await this.dataSource.getRepository(PublicNotice).findAndCount({
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((n) => ({
        id: n.id,
        batchNumber: n.batchNumber,
        reportNumber: n.reportNumber,
        sellerName: n.sellerName,
        sampleName: n.sampleName,
        specModel: n.specModel,
        listingUrl: n.listingUrl,
        orderNumber: n.orderNumber,
        platform: n.platform,
        verdict: n.verdict,
        publishedAt: n.publishedAt.toISOString(),
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}
