import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PublicRiskWarning } from './public-risk-warning.entity';
import { PublicRiskWarningPage, PublicRiskWarningView } from './public-risk-warning.view';
import { RiskWarningPageQuery } from './risk-warning-page.query';

/** Published risk warnings as the public page and the open data read them. */
@Injectable()
export class PublicRiskWarningQueries {
  constructor(
    @InjectRepository(PublicRiskWarning) private readonly warnings: Repository<PublicRiskWarning>,
  ) {}

  /** Warnings in force (or withdrawn, with status=withdrawn), newest first, a page of them. */
  async page(query: RiskWarningPageQuery): Promise<PublicRiskWarningPage> {
    const status = query.status ?? 'issued';
    const [rows, total] = await this.warnings.findAndCount({
      where: { status },
      order: status === 'withdrawn' ? { withdrawnAt: 'DESC', id: 'ASC' } : { issuedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((w) => PublicRiskWarningView.of(w)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** One warning, in force or withdrawn; null for none. */
  async one(id: string): Promise<PublicRiskWarningView | null> {
    const found = await this.warnings.findOneBy({ id });
    return found ? PublicRiskWarningView.of(found) : null;
  }

  /** Every warning in force, newest first. */
  async inForce(): Promise<PublicRiskWarningView[]> {
    const rows = await this.warnings.find({
      where: { status: 'issued' },
      order: { issuedAt: 'DESC', id: 'ASC' },
    });
    return rows.map((w) => PublicRiskWarningView.of(w));
  }
}
