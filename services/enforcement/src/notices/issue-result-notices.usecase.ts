import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { NoticeRecipient, ReportIssuedValue } from '@qis/contracts';
import { CalendarYearUnknownError } from '@qis/domain';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import type { BatchFile } from '../kernel/batch-file.entity';
import { CalendarSource } from '../kernel/calendar-source';
import { DeadlineBook } from '../kernel/deadline-book';
import { resultAddressees } from './notice-addressees';
import { nextNoticeNumber } from './notice-numbers';
import { insertNotice, noticesExist } from './notice-register';
import { resultNoticeText } from './notice-text';
import { Notice, type NoticeKind } from './notice.entity';
import { resultNoticeDueAt, resultNoticeDueBasis, resultNoticeDueSubject } from './result-notice-due';
import { ResultNotifier } from './result-notifier';

/**
 * Issues the result notices of a report once: due within 5 working days of the bureau's receipt of
 * the report, to the seller, the claimed producer if failed, and the platform (a re-inspection
 * result to the applicants and the platform), a public notice where an address is unknown. An
 * amended report withdraws the replaced report's notices not yet sent and corrects those sent.
 */
@Injectable()
export class IssueResultNoticesUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly notifier: ResultNotifier,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
  ) {}

  async execute(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
    causationId?: string,
  ): Promise<void> {
    const kind: NoticeKind = report.purpose === 're-inspection' ? 'reinspection-result' : 'result';
    if (await noticesExist(manager, batch.batchNumber, kind, report.reportNumber)) return;
    const order = batch.order;
    const sealed = batch.sealed;
    if (!order || !sealed) return;
    const { dueAt, pendingYear } = await this.dueAt(manager, batch.batchNumber, report);
    const corrected = await this.withdrawReplaced(manager, batch.batchNumber, kind, report, now);
    const addressees = resultAddressees(batch, report, await this.applicantRoles(manager, batch, report));
    // Whoever received a notice of the replaced report gets the corrected one, whatever the new verdict.
    for (const old of corrected.values())
      if (!addressees.some((a) => a.recipient === old.recipient))
        addressees.push({
          recipient: old.recipient,
          name: old.recipientName,
          address: old.address,
          channel: old.channel,
        });
    for (const to of addressees) {
      const number = await nextNoticeNumber(manager, 'JG', now);
      const publicNotice = to.channel === 'public-notice';
      const corrects = corrected.get(to.recipient);
      const notice = await insertNotice(
        manager,
        {
          batchNumber: batch.batchNumber,
          kind,
          to,
          noticeNumber: number,
          reportNumber: report.reportNumber,
          content: resultNoticeText(number, to.name, order, sealed, report, publicNotice, corrects),
          dueAt,
          correctsNoticeId: corrects?.id ?? null,
          duePendingYear: pendingYear,
        },
        now,
      );
      if (publicNotice) {
        // Published with the result-notified event (disclosure puts it on the website): it counts as delivered now.
        await this.deadlines.meet(manager, 'result-notice', notice.id, now);
      } else if (dueAt) {
        await this.deadlines.schedule(manager, 'result-notice', notice.id, batch.batchNumber, dueAt);
      }
    }
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'notice.issue',
        entityType: 'batch',
        entityId: batch.batchNumber,
        detail: {
          kind,
          reportNumber: report.reportNumber,
          dueAt: dueAt?.toISOString() ?? null,
          ...resultNoticeDueBasis(report),
          recipients: addressees.map((a) => `${a.recipient}:${a.channel}`),
          ...(report.amendsReportNumber
            ? {
                amendsReportNumber: report.amendsReportNumber,
                corrects: [...corrected.values()].map((n) => n.noticeNumber),
              }
            : {}),
        },
      },
      manager,
    );
    await this.notifier.publishWhenAllSent(manager, batch, report, now, causationId);
  }

  /** The roles that applied for the re-inspection (none asked for an initial report). */
  private async applicantRoles(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
  ): Promise<Set<'seller' | 'producer'>> {
    if (report.purpose !== 're-inspection') return new Set();
    const applicants = (await manager.query(
      `select distinct applicant_role from objection where batch_number = $1 and status in ('re-inspecting', 'approved', 'completed')`,
      [batch.batchNumber],
    )) as Array<{ applicant_role: 'seller' | 'producer' }>;
    return new Set(applicants.map((a) => a.applicant_role));
  }

  /**
   * An amended report replaces the one it names: that report's notices not yet sent are withdrawn
   * (never sent; their deadline no longer runs); those already sent or published are returned by
   * recipient, to be corrected by the new notices.
   */
  private async withdrawReplaced(
    manager: EntityManager,
    batchNumber: string,
    kind: NoticeKind,
    report: ReportIssuedValue,
    now: Date,
  ): Promise<Map<NoticeRecipient, Notice>> {
    const corrected = new Map<NoticeRecipient, Notice>();
    if (!report.amendsReportNumber) return corrected;
    const previous = await manager.findBy(Notice, {
      batchNumber,
      kind,
      reportNumber: report.amendsReportNumber,
    });
    for (const notice of previous) {
      if (notice.withdrawnAt) continue;
      if (notice.sentAt) {
        corrected.set(notice.recipient, notice);
        continue;
      }
      await manager.update(Notice, { id: notice.id }, { withdrawnAt: now });
      await this.deadlines.meet(manager, 'result-notice', notice.id, now);
    }
    return corrected;
  }

  /**
   * "Within 5 working days of receiving the result", counted from the day (Asia/Shanghai) the
   * lab gateway accepted the report, or its issue day when that receipt is not recorded. When that
   * reaches a year the calendar does not know, the due date is pending on that year's schedule
   * (`pendingYear`) and a `calendar-year-unknown` alert is raised.
   */
  private async dueAt(
    manager: EntityManager,
    batchNumber: string,
    report: ReportIssuedValue,
  ): Promise<{ dueAt: Date | null; pendingYear: number | null }> {
    const calendar = await this.calendars.current(manager);
    let pendingYear: number | null = null;
    const dueAt = await this.alerts.withCalendar(
      manager,
      {
        batchNumber,
        subjectType: 'report',
        subjectId: resultNoticeDueSubject(batchNumber, report.reportNumber),
        what: `the 5-working-day deadline of the result notices of report ${report.reportNumber} (${
          report.receivedAt ? `received ${report.receivedAt}` : `issued ${report.issuedAt}`
        })`,
      },
      () => {
        try {
          return resultNoticeDueAt(calendar, report);
        } catch (error) {
          if (error instanceof CalendarYearUnknownError) pendingYear = error.year;
          throw error;
        }
      },
    );
    return { dueAt, pendingYear };
  }
}
