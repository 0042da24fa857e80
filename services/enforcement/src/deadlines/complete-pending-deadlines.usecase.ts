import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { CalendarYearUnknownError } from '@qis/domain';
import { FinalizeResultUseCase } from '../finality/finalize-result.usecase';
import { IssueNoticesUseCase } from '../notices/issue-notices.usecase';
import { proceduresCompleteBy } from '../objections/procedures-period';
import { AlertBook } from '../kernel/alert-book';
import { DeadlineBook } from '../kernel/deadline-book';
import { Clock } from '../kernel/clock';

/** What completing the pending deadlines did. */
export interface CompletedDeadlines {
  /** Result notices that got their due date. */
  resultNotices: number;
  /** Batches whose objection-window check was armed. */
  objectionWindows: number;
  /** Approved re-inspections whose 7-day procedures period got its end. */
  proceduresPeriods: number;
}

/**
 * Deadlines that could not be computed because their year's holiday schedule was unknown are
 * computed on the calendar the caller's transaction sees: in the transaction that approves a
 * year's schedule, and on every deadline scan for any left. Each is filled once (only where it is
 * still empty), and its `calendar-year-unknown` alert is resolved.
 */
@Injectable()
export class CompletePendingDeadlinesUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly notices: IssueNoticesUseCase,
    private readonly finality: FinalizeResultUseCase,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    actor: AuditActor = SYSTEM_ACTOR,
    now = this.clock.now(),
  ): Promise<CompletedDeadlines> {
    const calendar = await this.calendars.current(manager);
    const resultNotices = await this.notices.completeDueDates(manager, calendar, actor);

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

    let proceduresPeriods = 0;
    const approved = (await manager.query(
      `select id, batch_number, lab_notice_received_at from objection
        where status = 'approved' and lab_notice_received_at is not null and complete_by is null`,
    )) as Array<{ id: string; batch_number: string; lab_notice_received_at: Date }>;
    for (const objection of approved) {
      let completeBy: Date;
      try {
        completeBy = proceduresCompleteBy(calendar, objection.lab_notice_received_at);
      } catch (error) {
        if (error instanceof CalendarYearUnknownError) continue;
        throw error;
      }
      const [, updated] = (await manager.query(
        `update objection set complete_by = $2 where id = $1 and complete_by is null`,
        [objection.id, completeBy],
      )) as [unknown, number];
      if (updated === 0) continue;
      await this.deadlines.reschedule(
        manager,
        'reinspection-procedures',
        objection.id,
        objection.batch_number,
        completeBy,
      );
      await this.alerts.resolve(manager, 'calendar-year-unknown', [`${objection.id}/procedures`], now);
      await this.audit.record(
        actor,
        {
          action: 'objection.complete-by-set',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batch_number,
            completeBy: completeBy.toISOString(),
            reason: 'the holiday schedule of the year it reaches is now known',
          },
        },
        manager,
      );
      proceduresPeriods += 1;
    }
    return { resultNotices, objectionWindows, proceduresPeriods };
  }
}
