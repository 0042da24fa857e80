import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { CalendarYearUnknownError, shanghaiDate, type WorkingDayCalendar } from '@qis/domain';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import type { DeadlineHandler } from '../kernel/deadline-handler';
import { DeadlineBook } from '../kernel/deadline-book';
import type { Deadline } from '../kernel/deadline.entity';
import { Notice } from './notice.entity';
import { resultNoticeDueAt, resultNoticeDueBasis, resultNoticeDueSubject } from './result-notice-due';

/**
 * The 5 working days to send a result notice: when they pass unsent, an alert; when they waited
 * for a year's holiday schedule, their due date once the calendar knows the year.
 */
@Injectable()
export class ResultNoticeDeadline implements DeadlineHandler {
  readonly kind = 'result-notice';

  constructor(
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onDue(manager: EntityManager, deadline: Deadline): Promise<string> {
    const notice = await manager.findOneByOrFail(Notice, { id: deadline.subjectId });
    await this.alerts.raise(manager, {
      kind: 'result-notice-overdue',
      batchNumber: deadline.batchNumber,
      subjectType: 'notice',
      subjectId: deadline.subjectId,
      message:
        `result notice ${notice.noticeNumber} to the ${notice.recipient} (${notice.recipientName}) of ${notice.batchNumber} ` +
        `was not sent by ${shanghaiDate(deadline.dueAt)}, the 5th working day after the report`,
    });
    return 'alert';
  }

  /**
   * Result notices whose due date is pending (its year was unknown) get it once the calendar knows
   * the year: in the transaction that approves the year's schedule, and by the deadline scan for
   * any left (a notice created meanwhile). Each is set once: only where it is still empty.
   */
  async completePending(
    manager: EntityManager,
    calendar: WorkingDayCalendar,
    actor: AuditActor,
  ): Promise<number> {
    const pending = (await manager.query(
      `select distinct batch_number, report_number from notice
        where due_pending_year is not null and due_at is null and withdrawn_at is null`,
    )) as Array<{ batch_number: string; report_number: string }>;
    let completed = 0;
    for (const row of pending) {
      const batch = await manager.findOneBy(BatchFile, { batchNumber: row.batch_number });
      const report = [batch?.initialReport, batch?.reinspectionReport].find(
        (r) => r?.reportNumber === row.report_number,
      );
      if (!report) continue;
      let dueAt: Date;
      try {
        dueAt = resultNoticeDueAt(calendar, report);
      } catch (error) {
        if (!(error instanceof CalendarYearUnknownError)) throw error;
        // Still unknown (or now waiting for a later year): say which year it waits for.
        await manager.query(
          `update notice set due_pending_year = $3 where batch_number = $1 and report_number = $2
              and kind <> 'sampling' and due_at is null and withdrawn_at is null and due_pending_year <> $3`,
          [row.batch_number, row.report_number, error.year],
        );
        continue;
      }
      const notices = (await manager.query(
        `update notice set due_at = $3, due_pending_year = null
          where batch_number = $1 and report_number = $2 and kind <> 'sampling' and due_at is null and withdrawn_at is null
          returning id, channel, sent_at, notice_number`,
        [row.batch_number, row.report_number, dueAt],
      )) as [Array<{ id: string; channel: string; sent_at: Date | null; notice_number: string }>, number];
      // Another transaction (a concurrent scan, the approval) set them first: nothing to do twice.
      if (notices[0].length === 0) continue;
      for (const notice of notices[0]) {
        if (notice.channel === 'public-notice') continue;
        await this.deadlines.schedule(manager, 'result-notice', notice.id, row.batch_number, dueAt);
        if (notice.sent_at) await this.deadlines.meet(manager, 'result-notice', notice.id, notice.sent_at);
      }
      await this.alerts.resolve(
        manager,
        'calendar-year-unknown',
        [resultNoticeDueSubject(row.batch_number, row.report_number)],
        this.clock.now(),
      );
      await this.audit.record(
        actor,
        {
          action: 'notice.due-date-set',
          entityType: 'batch',
          entityId: row.batch_number,
          detail: {
            reportNumber: row.report_number,
            dueAt: dueAt.toISOString(),
            ...resultNoticeDueBasis(report),
            notices: notices[0].map((n) => n.notice_number),
            reason: 'the holiday schedule of the year it reaches is now known',
          },
        },
        manager,
      );
      completed += notices[0].length;
    }
    return completed;
  }
}
