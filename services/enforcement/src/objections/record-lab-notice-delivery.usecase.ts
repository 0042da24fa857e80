import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { conflict, shanghaiDate, unprocessable } from '@qis/domain';
import { retryTransaction } from '@qis/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { Clock } from '../kernel/clock';
import { AlertBook } from '../kernel/alert-book';
import { DeadlineBook } from '../kernel/deadline-book';
import { assertPdfStored } from '../evidence/assert-pdf-stored';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';
import type { ConfirmReceiptCommand } from '../notices/confirm-receipt.command';
import {
  assertSentAfterIssue,
  confirmPendingReceipt,
  readDeliveryTimes,
  readFailureTimes,
  recordReceipt,
} from '../notices/delivery-record';
import type { RecordDeliveryFailureCommand } from '../notices/record-delivery-failure.command';
import type { LabNoticeDeliveryCommand } from './lab-notice-delivery.command';
import { Objection } from './objection.entity';
import { proceduresCompleteBy } from './procedures-period';
import { ReinspectionLabNotice } from '../notices/reinspection-lab-notice.entity';

/**
 * The delivery record of the 《复检机构确定通知书》 to the applicant and to the re-inspection lab
 * (operating rules §6: "复检申请人、复检机构在收到《复检机构确定通知书》之日起七日内，办理复检手续").
 * The applicant's receipt of the current notice starts the 7 days; until it is on record the period
 * is pending (no due date, no waiver). A receipt on an earlier day than today waits for a second
 * officer, as a result notice's does. A failed attempt is kept with its reason; the clock stays
 * pending and the notice may be sent again (the rules provide a public notice only for result notices).
 */
@Injectable()
export class RecordLabNoticeDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  async deliver(
    actor: AuditActor,
    id: string,
    command: LabNoticeDeliveryCommand,
    now = this.clock.now(),
  ): Promise<ReinspectionLabNotice> {
    if (command.receivedAt && !command.receivedBy)
      throw unprocessable('receivedBy', 'is required with receivedAt: who signed for the notice');
    const times = readDeliveryTimes(command, now, 'it would start the 7-day procedures period in the past');
    const { sentAt } = times;
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await this.lock(manager, id);
      if (notice.receivedAt)
        throw conflict(
          `re-inspection lab notice ${notice.noticeNumber} was already received on ${notice.receivedAt.toISOString()}`,
        );
      if (notice.receiptPendingAt)
        throw conflict(
          `re-inspection lab notice ${notice.noticeNumber} has a receipt of ${notice.receiptPendingAt.toISOString()} awaiting a second officer's confirmation`,
        );
      const resend = notice.deliveryFailedAt !== null;
      if (!resend && notice.sentAt && notice.sentAt.getTime() !== sentAt.getTime())
        throw conflict(
          `re-inspection lab notice ${notice.noticeNumber} was already sent on ${notice.sentAt.toISOString()}`,
        );
      assertPdfStored(notice, `re-inspection lab notice ${notice.noticeNumber}`, this.evidence !== null);
      assertSentAfterIssue(sentAt, notice.issuedAt, ': a notice cannot be sent before it was made');
      if (resend && notice.deliveryFailedAt && sentAt < notice.deliveryFailedAt)
        throw unprocessable(
          'sentAt',
          `is before the failed attempt of ${notice.deliveryFailedAt.toISOString()}: a new attempt is sent after it`,
        );
      notice.channel = command.channel;
      notice.sentAt = sentAt;
      notice.receivedBy = command.receivedBy ?? null;
      notice.deliveryRecordedBy = actor.actor;
      recordReceipt(notice, times, command.receiptReason, actor.actor);
      await manager.save(ReinspectionLabNotice, notice);
      await this.audit.record(
        actor,
        {
          action: 'reinspection-lab-notice.delivery',
          entityType: 'reinspection-lab-notice',
          entityId: notice.id,
          detail: {
            noticeNumber: notice.noticeNumber,
            recipient: notice.recipient,
            channel: command.channel,
            sentAt: command.sentAt,
            receivedAt: times.late ? null : (command.receivedAt ?? null),
            receivedBy: command.receivedBy ?? null,
            ...(times.late
              ? {
                  receiptPendingAt: command.receivedAt,
                  receiptReason: command.receiptReason,
                  clock: now.toISOString(),
                }
              : {}),
            resend,
          },
        },
        manager,
      );
      if (notice.receivedAt) await this.startProcedures(manager, actor, notice, notice.receivedAt);
      return notice;
    });
  }

  /** A second officer confirms a receipt recorded after the day it happened; only then do the 7 days run. */
  async confirmReceipt(
    actor: AuditActor,
    id: string,
    command: ConfirmReceiptCommand,
    now = this.clock.now(),
  ): Promise<ReinspectionLabNotice> {
    const confirmed = new Date(command.receivedAt);
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await this.lock(manager, id);
      const pending = confirmPendingReceipt(
        notice,
        actor.actor,
        confirmed,
        `re-inspection lab notice ${notice.noticeNumber}`,
      );
      await manager.save(ReinspectionLabNotice, notice);
      await this.audit.record(
        actor,
        {
          action: 'reinspection-lab-notice.receipt-confirmed',
          entityType: 'reinspection-lab-notice',
          entityId: notice.id,
          detail: {
            noticeNumber: notice.noticeNumber,
            receivedAt: pending.toISOString(),
            receiptReason: notice.receiptReason,
            recordedBy: notice.receiptRecordedBy,
            note: command.note ?? null,
            clock: now.toISOString(),
          },
        },
        manager,
      );
      await this.startProcedures(manager, actor, notice, pending);
      return notice;
    });
  }

  /** An attempt that failed: kept with its reason; the 7 days stay pending until a receipt. */
  async fail(
    actor: AuditActor,
    id: string,
    command: RecordDeliveryFailureCommand,
    now = this.clock.now(),
  ): Promise<ReinspectionLabNotice> {
    const { failedAt, sentAt } = readFailureTimes(command, now);
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await this.lock(manager, id);
      if (notice.receivedAt || notice.receiptPendingAt)
        throw conflict(
          `re-inspection lab notice ${notice.noticeNumber} has a receipt on record: its delivery did not fail`,
        );
      if (notice.deliveryFailedAt && (!notice.sentAt || notice.sentAt <= notice.deliveryFailedAt))
        throw conflict(
          `the delivery of re-inspection lab notice ${notice.noticeNumber} was already recorded as failed on ${notice.deliveryFailedAt.toISOString()}; record a new attempt first`,
        );
      const sent = sentAt ?? notice.sentAt;
      if (sent) {
        assertPdfStored(notice, `re-inspection lab notice ${notice.noticeNumber}`, this.evidence !== null);
        assertSentAfterIssue(sent, notice.issuedAt);
      }
      notice.channel = command.channel ?? notice.channel;
      notice.sentAt = sent;
      notice.deliveryFailedAt = failedAt;
      notice.deliveryFailureReason = command.reason;
      notice.deliveryFailureNote = command.note ?? null;
      notice.deliveryFailureRecordedBy = actor.actor;
      await manager.save(ReinspectionLabNotice, notice);
      await this.audit.record(
        actor,
        {
          action: 'reinspection-lab-notice.delivery-failed',
          entityType: 'reinspection-lab-notice',
          entityId: notice.id,
          detail: {
            noticeNumber: notice.noticeNumber,
            recipient: notice.recipient,
            reason: command.reason,
            sentAt: sent?.toISOString() ?? null,
            failedAt: command.failedAt,
            note: command.note ?? null,
          },
        },
        manager,
      );
      return notice;
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<ReinspectionLabNotice> {
    const notice = await manager.findOne(ReinspectionLabNotice, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!notice) throw notFound('reinspection-lab-notice', id);
    return notice;
  }

  /**
   * The applicant received the current notice (not one a redraw superseded): the 7 days run from
   * that day, to the end of its seventh day (Asia/Shanghai), or wait for the year's holiday schedule.
   */
  private async startProcedures(
    manager: EntityManager,
    actor: AuditActor,
    notice: ReinspectionLabNotice,
    receivedAt: Date,
  ): Promise<void> {
    if (notice.recipient !== 'applicant' || notice.supersededAt) return;
    const objection = await manager.findOne(Objection, {
      where: { id: notice.objectionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!objection || objection.status !== 'approved' || objection.labNoticeReceivedAt) return;
    const calendar = await this.calendars.current(manager);
    const completeBy = await this.alerts.withCalendar(
      manager,
      {
        batchNumber: objection.batchNumber,
        subjectType: 'objection',
        subjectId: `${objection.id}/procedures`,
        what: `the 7-day procedures period of the re-inspection (notice received on ${shanghaiDate(receivedAt)})`,
      },
      () => proceduresCompleteBy(calendar, receivedAt),
    );
    objection.labNoticeReceivedAt = receivedAt;
    objection.completeBy = completeBy;
    await manager.save(Objection, objection);
    if (completeBy)
      await this.deadlines.reschedule(
        manager,
        'reinspection-procedures',
        objection.id,
        objection.batchNumber,
        completeBy,
      );
    await this.audit.record(
      actor,
      {
        action: 'objection.procedures-period-started',
        entityType: 'objection',
        entityId: objection.id,
        detail: {
          batchNumber: objection.batchNumber,
          noticeNumber: notice.noticeNumber,
          receivedAt: receivedAt.toISOString(),
          completeBy: completeBy?.toISOString() ?? null,
        },
      },
      manager,
    );
  }
}
