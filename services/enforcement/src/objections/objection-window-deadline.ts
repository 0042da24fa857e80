import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import type { DeadlineHandler } from '../kernel/deadline-handler';
import type { Deadline } from '../kernel/deadline.entity';
import { ResultFinality } from '../kernel/result-finality';

/**
 * The 15-day objection periods of a result: when the last one ends with no objection pending, the
 * result becomes final; when their end waited for a year's holiday schedule, the check is armed
 * once the calendar knows the year.
 */
@Injectable()
export class ObjectionWindowDeadline implements DeadlineHandler {
  readonly kind = 'objection-window';

  constructor(
    private readonly finality: ResultFinality,
    private readonly alerts: AlertBook,
  ) {}

  async onDue(manager: EntityManager, deadline: Deadline, now: Date): Promise<string> {
    return (await this.finality.execute(manager, deadline.batchNumber, now)) ? 'final' : 'not-final';
  }

  async completePending(
    manager: EntityManager,
    _calendar: unknown,
    _actor: unknown,
    now: Date,
  ): Promise<number> {
    let objectionWindows = 0;
    const waiting = (await manager.query(
      `select distinct a.batch_number from alert a join enforcement_batch b on b.batch_number = a.batch_number
        where a.kind = 'calendar-year-unknown' and a.subject_id like '%/objection-window'
          and a.resolved_at is null and b.final_at is null`,
    )) as Array<{ batch_number: string }>;
    for (const row of waiting) {
      if (!(await this.finality.armWindow(manager, row.batch_number))) continue;
      await this.alerts.resolve(
        manager,
        'calendar-year-unknown',
        [`${row.batch_number}/objection-window`],
        now,
      );
      objectionWindows += 1;
    }
    return objectionWindows;
  }
}
