import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@qis/auth';
import { Repository, type FindOptionsWhere } from 'typeorm';
import { ListRiskWarningsQuery } from './list-risk-warnings.query';
import { RiskWarningScope } from './risk-warning-scope';
import { RiskWarning } from './risk-warning.entity';
import { RiskWarningView } from './risk-warning.view';

/** Risk warnings as officers (their jurisdiction's batches), approvers and the disclosure officer read them. */
@Injectable()
export class RiskWarningQueries {
  constructor(
    @InjectRepository(RiskWarning) private readonly warnings: Repository<RiskWarning>,
    private readonly scope: RiskWarningScope,
  ) {}

  /** The latest 500 warnings by status or batch, those the caller may see. */
  async list(principal: Principal, query: ListRiskWarningsQuery): Promise<RiskWarningView[]> {
    const where: FindOptionsWhere<RiskWarning> = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
    };
    const found = await this.warnings.find({ where, order: { proposedAt: 'DESC' }, take: 500 });
    const visible = await this.scope.visible(
      principal,
      found.map((w) => w.batchNumber),
    );
    return found.filter((w) => visible.has(w.batchNumber)).map((w) => RiskWarningView.of(w));
  }

  /** One warning; null when there is none or the caller may not see its batch. */
  async one(principal: Principal, id: string): Promise<RiskWarningView | null> {
    const found = await this.warnings.findOneBy({ id });
    if (!found || !(await this.scope.visible(principal, [found.batchNumber])).has(found.batchNumber))
      return null;
    return RiskWarningView.of(found);
  }
}
