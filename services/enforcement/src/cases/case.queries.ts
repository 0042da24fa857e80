import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { queryScope, scopeWhere, type Principal } from '@qis/auth';
import { DataSource, ILike, In, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { CaseDetailView } from './case-detail.view';
import { CaseTransitionsUseCase, CASE_READERS_UNRESTRICTED } from './case-transitions.usecase';
import { CaseView } from './case.view';
import { EnforcementCase } from './enforcement-case.entity';
import { ListCasesQuery } from './list-cases.query';

/** Cases as officers (their jurisdiction), approvers and auditors read them. */
@Injectable()
export class CaseQueries {
  constructor(
    @InjectRepository(EnforcementCase) private readonly cases: Repository<EnforcementCase>,
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionsUseCase,
    private readonly clock: Clock,
  ) {}

  /** Up to 500 cases in the caller's jurisdiction matching the filters (open ones nearest due first). */
  async list(principal: Principal, query: ListCasesQuery): Promise<CaseView[]> {
    const scope = scopeWhere<EnforcementCase>(
      queryScope(principal, 'jurisdiction', CASE_READERS_UNRESTRICTED),
      'areaCode',
    );
    if (scope === null) return [];
    const base: FindOptionsWhere<EnforcementCase> = {
      ...scope,
      ...(query.status === 'open'
        ? { status: Not(In(['closed'])) }
        : query.status
          ? { status: query.status }
          : {}),
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
    };
    const seller = query.seller?.trim();
    const where = seller
      ? [
          { ...base, sellerName: ILike(`%${seller.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) },
          { ...base, sellerUscc: seller.toUpperCase() },
        ]
      : base;
    const found = await this.cases.find({
      where,
      order: query.status === 'open' ? { dueAt: 'ASC' } : { routedAt: 'DESC' },
      take: 500,
    });
    const now = this.clock.now();
    return found.map((c) => CaseView.of(c, now));
  }

  /** One case in the caller's jurisdiction with its batch's facts; 404 outside it, as if missing. */
  async detail(principal: Principal, id: string): Promise<CaseDetailView> {
    const found = await this.transitions.load(this.dataSource.manager, principal, id);
    const batch = await this.dataSource.manager.findOneBy(BatchFile, { batchNumber: found.batchNumber });
    return CaseDetailView.detail(found, batch, this.clock.now());
  }
}
