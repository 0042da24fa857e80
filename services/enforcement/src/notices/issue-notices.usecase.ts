import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import type { NoticeChannel, NoticeRecipient, ReportIssuedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import {
  CalendarYearUnknownError,
  endOfShanghaiDay,
  shanghaiDate,
  type WorkingDayCalendar,
} from '@qis/domain';
import { CalendarSource } from '../kernel/calendar-source';
import { BatchFile } from '../kernel/batch-file.entity';
import { AlertBook } from '../kernel/alert-book';
import { DeadlineBook } from '../kernel/deadline-book';
import { nextNoticeNumber } from './notice-numbers';
import { resultNoticeText, samplingNoticeText } from './notice-text';
import { Notice, type NoticeKind } from './notice.entity';
import { ResultNotifier } from './result-notifier';
import { Clock } from '../kernel/clock';

interface Addressee {
  recipient: NoticeRecipient;
  name: string;
  /** Null: unknown, so the notice becomes a public notice (公告通知). */
  address: string | null;
  channel: NoticeChannel;
}

/** Working days the bureau has to send the result notice after receiving the result. */
export const RESULT_NOTICE_WORKING_DAYS = 5;

/** The alert subject of a report's result notice deadline that could not be computed. */
const resultNoticeDueSubject = (batchNumber: string, reportNumber: string): string =>
  `${batchNumber}/${reportNumber}/result-notice-due`;

/**
 * Where the 5 working days of a result notice start, and why: the bureau's receipt of the report
 * (`receivedAt`, when the lab gateway accepted it; operating rules §6), or the lab's `issuedAt` for
 * a report published before the receipt was recorded.
 */
export interface ResultNoticeClockStart {
  from: 'receivedAt' | 'issuedAt';
  at: string;
}

export const resultNoticeClockStart = (report: ReportIssuedValue): ResultNoticeClockStart =>
  report.receivedAt
    ? { from: 'receivedAt', at: report.receivedAt }
    : { from: 'issuedAt', at: report.issuedAt };

/** End (Asia/Shanghai) of the 5th working day after the day the bureau received the report. */
const resultNoticeDueAt = (calendar: WorkingDayCalendar, report: ReportIssuedValue): Date =>
  endOfShanghaiDay(
    calendar.addWorkingDays(
      shanghaiDate(new Date(resultNoticeClockStart(report).at)),
      RESULT_NOTICE_WORKING_DAYS,
    ),
  );

/** The audit's explanation of a result notice's due date: which time of the report it counts from. */
const deadlineBasis = (report: ReportIssuedValue) => {
  const start = resultNoticeClockStart(report);
  return {
    deadlineFrom: start.from,
    deadlineStart: start.at,
    deadlineRule: `${RESULT_NOTICE_WORKING_DAYS} working days from the ${
      start.from === 'receivedAt'
        ? "bureau's receipt of the report"
        : "lab's issue of the report (receipt not recorded)"
    }`,
  };
};

/**
 * Creates the notices a batch's facts call for, once each: the sampling notice after sealing (to
 * the seller, and the platform when bought on one); the result notice of each report, due within
 * 5 working days of the bureau's receipt of the report (to the seller; the claimed producer if failed; the platform), a
 * public notice where an address is unknown.
 */
@Injectable()
export class IssueNoticesUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly notifier: ResultNotifier,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, batch: BatchFile, now: Date, causationId?: string): Promise<void> {
    const { order, sealed } = batch;
    if (!order || !sealed) return;
    if (!(await this.exists(manager, batch.batchNumber, 'sampling', null))) {
      for (const to of this.samplingAddressees(batch)) {
        const number = await nextNoticeNumber(manager, 'CJ', now);
        await this.insert(
          manager,
          batch,
          'sampling',
          to,
          number,
          null,
          samplingNoticeText(number, to.name, order, sealed),
          null,
          now,
        );
      }
    }
    for (const report of [batch.initialReport, batch.reinspectionReport]) {
      if (report) await this.issueResult(manager, batch, report, now, causationId);
    }
  }

  private async issueResult(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
    causationId?: string,
  ): Promise<void> {
    const kind: NoticeKind = report.purpose === 're-inspection' ? 'reinspection-result' : 'result';
    if (await this.exists(manager, batch.batchNumber, kind, report.reportNumber)) return;
    const order = batch.order;
    const sealed = batch.sealed;
    if (!order || !sealed) return;
    const { dueAt, pendingYear } = await this.dueAt(manager, batch.batchNumber, report);
    const corrected = await this.withdrawReplaced(manager, batch.batchNumber, kind, report, now);
    const addressees = await this.resultAddressees(manager, batch, report);
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
      const text = resultNoticeText(number, to.name, order, sealed, report, publicNotice, corrects);
      const notice = await this.insert(
        manager,
        batch,
        kind,
        to,
        number,
        report.reportNumber,
        text,
        dueAt,
        now,
        corrects?.id ?? null,
        pendingYear,
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
          ...deadlineBasis(report),
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
   * lab gateway accepted the report, or its issue day when that receipt is not recorded. When that reaches a year the calendar does not know, the due date is pending
   * on that year's schedule (`pendingYear`) and a `calendar-year-unknown` alert is raised.
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

  /**
   * Result notices whose due date is pending (its year was unknown) get it once the calendar knows
   * the year: in the transaction that approves the year's schedule, and by the deadline scan for
   * any left (a notice created meanwhile). Each is set once: only where it is still empty.
   */
  async completeDueDates(
    manager: EntityManager,
    calendar: WorkingDayCalendar,
    actor: AuditActor = SYSTEM_ACTOR,
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
            ...deadlineBasis(report),
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

  private samplingAddressees(batch: BatchFile): Addressee[] {
    const order = batch.order;
    if (!order) return [];
    const out: Addressee[] = [
      {
        recipient: 'seller',
        name: order.seller.name,
        address: order.seller.registeredAddress ?? null,
        channel: order.seller.registeredAddress ? 'post' : 'platform-message',
      },
    ];
    if (order.platform) {
      out.push({
        recipient: 'platform',
        name: order.platform.operatorName,
        address: order.platform.url,
        channel: 'platform-message',
      });
    }
    return out;
  }

  private async resultAddressees(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
  ): Promise<Addressee[]> {
    const order = batch.order;
    const sealed = batch.sealed;
    if (!order || !sealed) return [];
    const seller: Addressee = order.seller.registeredAddress
      ? {
          recipient: 'seller',
          name: order.seller.name,
          address: order.seller.registeredAddress,
          channel: 'post',
        }
      : { recipient: 'seller', name: order.seller.name, address: null, channel: 'public-notice' };
    const platform: Addressee[] = order.platform
      ? [
          {
            recipient: 'platform',
            name: order.platform.operatorName,
            address: order.platform.url,
            channel: 'platform-message',
          },
        ]
      : [];
    if (report.purpose === 're-inspection') {
      // The re-inspection result goes to the applicant(s) and the platform.
      const applicants = (await manager.query(
        `select distinct applicant_role from objection where batch_number = $1 and status in ('re-inspecting', 'approved', 'completed')`,
        [batch.batchNumber],
      )) as Array<{ applicant_role: 'seller' | 'producer' }>;
      const roles = new Set(applicants.map((a) => a.applicant_role));
      const out: Addressee[] = [];
      if (roles.size === 0 || roles.has('seller')) out.push(seller);
      if (roles.has('producer')) out.push(...this.producer(batch));
      return [...out, ...platform];
    }
    return [seller, ...(report.verdict === 'fail' ? this.producer(batch) : []), ...platform];
  }

  /** The claimed producer; a three-no product names none, so there is nobody to notify. */
  private producer(batch: BatchFile): Addressee[] {
    const claimed = batch.sealed?.claimed;
    if (!claimed?.producerName) return [];
    return [
      claimed.producerAddress
        ? {
            recipient: 'producer',
            name: claimed.producerName,
            address: claimed.producerAddress,
            channel: 'post',
          }
        : { recipient: 'producer', name: claimed.producerName, address: null, channel: 'public-notice' },
    ];
  }

  private async exists(
    manager: EntityManager,
    batchNumber: string,
    kind: NoticeKind,
    reportNumber: string | null,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `select 1 from notice where batch_number = $1 and kind = $2 and report_number is not distinct from $3 limit 1`,
      [batchNumber, kind, reportNumber],
    )) as unknown[];
    return rows.length > 0;
  }

  private async insert(
    manager: EntityManager,
    batch: BatchFile,
    kind: NoticeKind,
    to: Addressee,
    noticeNumber: string,
    reportNumber: string | null,
    content: string,
    dueAt: Date | null,
    now: Date,
    correctsNoticeId: string | null = null,
    duePendingYear: number | null = null,
  ): Promise<Notice> {
    const publicNotice = to.channel === 'public-notice';
    const notice = manager.create(Notice, {
      id: randomUUID(),
      batchNumber: batch.batchNumber,
      kind,
      recipient: to.recipient,
      recipientName: to.name,
      address: to.address,
      channel: to.channel,
      noticeNumber,
      reportNumber,
      content,
      dueAt,
      duePendingYear,
      sentAt: publicNotice ? now : null,
      receivedAt: publicNotice ? now : null,
      correctsNoticeId,
      // Issued on enforcement's clock (not the database's), so deliveries are checked against it.
      createdAt: now,
    });
    await manager.insert(Notice, notice);
    return notice;
  }
}
