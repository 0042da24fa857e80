import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@qis/domain';
import { DataSource, IsNull, Not, type FindOptionsWhere } from 'typeorm';
import { Clock } from '../clock/clock';
import { Assignment } from './assignment.entity';
import { DispatchPage } from './dispatch-page.view';
import { DispatchRecordView } from './dispatch-record.view';
import { ListDispatchesQuery } from './list-dispatches.query';
import { WaitingDispatch } from './waiting-dispatch.entity';
import { WaitingSampleView } from './waiting-sample.view';

/** Dispatches and the samples waiting for a lab, as the bureau and auditors see them. */
@Injectable()
export class DispatchQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Dispatches (not integrators' sandbox runs), newest first, a page of them. */
  async dispatches(query: ListDispatchesQuery): Promise<DispatchPage> {
    const where: FindOptionsWhere<Assignment> = {
      sandbox: false, // integrators' practice runs are not the bureau's dispatches
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.overdue === undefined ? {} : { overdueAlertedAt: query.overdue ? Not(IsNull()) : IsNull() }),
    };
    const [rows, total] = await this.dataSource.manager.findAndCount(Assignment, {
      where,
      order: { dispatchedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const today = shanghaiDate(this.clock.now());
    return {
      items: rows.map((a) => DispatchRecordView.record(a, today)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** One dispatch with its draw, or null. */
  async dispatch(id: string): Promise<DispatchRecordView | null> {
    const found = await this.dataSource.manager.findOneBy(Assignment, { id });
    return found ? DispatchRecordView.record(found, shanghaiDate(this.clock.now())) : null;
  }

  /** Samples no lab can take yet, oldest first (500 at most). */
  async waitingSamples(): Promise<WaitingSampleView[]> {
    const rows = await this.dataSource.manager.find(WaitingDispatch, {
      where: { dispatchedAt: IsNull() },
      order: { waitingSince: 'ASC', id: 'ASC' },
      take: 500,
    });
    return rows.map((w) => WaitingSampleView.of(w));
  }
}
