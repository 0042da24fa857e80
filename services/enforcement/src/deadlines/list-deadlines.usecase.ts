import { Injectable } from '@nestjs/common';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { CalendarYearUnknownError, shanghaiDate } from '@qis/domain';
import { Clock } from '../kernel/clock';
import { BatchScope } from '../scope/batch-scope';
import type { DeadlineView } from './deadline.view';

interface Row {
  id: string;
  kind: DeadlineView['kind'];
  batch_number: string;
  due_at: Date;
  notice_id: string | null;
  notice_number: string | null;
  recipient: string | null;
  recipient_name: string | null;
  objection_id: string | null;
  applicant_role: string | null;
  applicant_name: string | null;
  case_id: string | null;
  case_status: string | null;
}

/** Working days within which each kind counts as "soon" on the home queue; cases only once overdue. */
const HORIZON: Record<string, number> = {
  'result-notice': 5,
  'objection-window': 5,
  'reinspection-procedures': 7,
  'case-overdue': -1,
};

/**
 * The deadline book as an officer's work list: unsent result notices (5 working days), objection
 * periods not yet closed, re-inspection procedures to complete (7 days), cases not closed — of the
 * batches in the caller's scope, nearest end first, each with its countdown in working days on
 * enforcement's calendar and clock.
 */
@Injectable()
export class ListDeadlinesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarSource,
    private readonly batchScope: BatchScope,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, due: 'soon' | 'all' = 'all'): Promise<DeadlineView[]> {
    const rows = (await this.dataSource.query(
      `select d.id, d.kind, d.batch_number, d.due_at,
              n.id as notice_id, n.notice_number, n.recipient, n.recipient_name,
              o.id as objection_id, o.applicant_role, o.applicant_name,
              c.id as case_id, c.status as case_status
         from deadline d
         left join notice n on d.kind = 'result-notice' and n.id::text = d.subject_id
         left join objection o on d.kind = 'reinspection-procedures' and o.id::text = d.subject_id
         left join enforcement_case c on d.kind = 'case-overdue' and c.id::text = d.subject_id
        where d.met_at is null and (
              (d.kind = 'result-notice' and n.sent_at is null and n.withdrawn_at is null and n.delivery_failed_at is null)
           or (d.kind in ('objection-window', 'reinspection-procedures') and d.handled_at is null)
           or (d.kind = 'case-overdue' and c.status <> 'closed'))
        order by d.due_at asc, d.id
        limit 1000`,
    )) as Row[];
    const visible = await this.batchScope.visible(
      principal,
      rows.map((r) => r.batch_number),
    );
    const calendar = await this.calendars.current();
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const countdown = (dueDate: string): number | null => {
      try {
        return calendar.workingDaysUntil(today, dueDate);
      } catch (error) {
        if (error instanceof CalendarYearUnknownError) return null;
        throw error;
      }
    };
    return rows
      .filter((r) => visible.has(r.batch_number))
      .map((r): DeadlineView => {
        const dueAt = new Date(r.due_at);
        const dueDate = shanghaiDate(dueAt);
        return {
          id: r.id,
          kind: r.kind,
          batchNumber: r.batch_number,
          dueAt: dueAt.toISOString(),
          dueDate,
          workingDaysLeft: countdown(dueDate),
          overdue: dueAt < now,
          noticeId: r.notice_id,
          noticeNumber: r.notice_number,
          recipient: r.recipient,
          recipientName: r.recipient_name,
          objectionId: r.objection_id,
          applicantRole: r.applicant_role,
          applicantName: r.applicant_name,
          caseId: r.case_id,
          caseStatus: r.case_status,
        };
      })
      .filter(
        (d) =>
          due === 'all' ||
          d.overdue ||
          (d.workingDaysLeft !== null && d.workingDaysLeft <= (HORIZON[d.kind] ?? 0)),
      );
  }
}
