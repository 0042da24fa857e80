import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@qis/audit';
import { retryTransaction } from '@qis/persistence';
import { DataSource } from 'typeorm';
import { MissingYearWatch } from '../calendar/missing-year-watch';
import { Clock } from '../kernel/clock';
import { CompletePendingDeadlinesUseCase } from '../kernel/complete-pending-deadlines.usecase';
import { DeadlineHandlers } from '../kernel/deadline-handlers';
import { Deadline } from '../kernel/deadline.entity';

const CHUNK = 50;

/**
 * Acts on deadlines that passed unmet, each through the handler its feature registered (alerts for
 * result notices not sent in 5 working days and for overdue cases; the waiver of a re-inspection
 * whose procedures were not completed in 7 days; finality once an objection period is over). First
 * it computes deadlines that waited for a year's holiday schedule and names a year whose schedule
 * is missing. Several instances may scan: rows are claimed with SKIP LOCKED, each in its own
 * transaction.
 */
@Injectable()
export class ScanDeadlinesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlers: DeadlineHandlers,
    private readonly pending: CompletePendingDeadlinesUseCase,
    private readonly missingYears: MissingYearWatch,
    private readonly clock: Clock,
  ) {}

  async execute(now = this.clock.now()): Promise<number> {
    await this.dataSource.transaction(async (manager) => {
      await this.pending.execute(manager, SYSTEM_ACTOR, now);
      await this.missingYears.check(manager, now);
    });
    let handled = 0;
    for (;;) {
      const count = await retryTransaction(this.dataSource, async (manager) => {
        const due = await manager
          .createQueryBuilder(Deadline, 'd')
          .where('d.due_at < :now and d.met_at is null and d.handled_at is null', { now })
          .orderBy('d.due_at', 'ASC')
          .limit(CHUNK)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const deadline of due) {
          await manager.update(Deadline, { id: deadline.id }, { handledAt: now });
          const outcome = await this.handlers.handlerOf(deadline.kind).onDue(manager, deadline, now);
          await manager.update(Deadline, { id: deadline.id }, { outcome });
        }
        return due.length;
      });
      handled += count;
      if (count < CHUNK) return handled;
    }
  }
}
