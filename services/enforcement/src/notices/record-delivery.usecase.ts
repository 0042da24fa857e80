import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { retryTransaction } from '@qis/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { DeadlineBook } from '../kernel/deadline-book';
import { ResultFinality } from '../kernel/result-finality';
import { conflict } from '@qis/domain';
import {
  assertSentAfterIssue,
  confirmPendingReceipt,
  readDeliveryTimes,
  recordReceipt,
} from './delivery-record';
import { Notice } from './notice.entity';
import type { RecordDeliveryCommand } from './record-delivery.command';
import type { ConfirmReceiptCommand } from './confirm-receipt.command';
import { ResultNotifier } from './result-notifier';
import { Clock } from '../kernel/clock';
import { assertPdfStored } from '../evidence/assert-pdf-stored';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';

/** Records how a notice was delivered; the last result notice sent publishes `result-notified`. */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineBook,
    private readonly notifier: ResultNotifier,
    private readonly finality: ResultFinality,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  async execute(
    actor: AuditActor,
    noticeId: string,
    command: RecordDeliveryCommand,
    now = this.clock.now(),
  ): Promise<Notice> {
    // A receipt on an earlier (Shanghai) day than today would start the objection period in the
    // past: only on a stated proof of service, and only once a second officer confirms it.
    const times = readDeliveryTimes(command, now, 'it would start the objection period in the past');
    const { sentAt, late: lateReceipt } = times;
    // The deadline scan may lock the same deadlines in the other order: a deadlock victim runs again.
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await this.lockOpen(manager, noticeId);
      if (notice.receiptPendingAt)
        throw conflict(
          `notice ${notice.noticeNumber} has a receipt of ${notice.receiptPendingAt.toISOString()} awaiting a second officer's confirmation`,
        );
      if (notice.sentAt && notice.sentAt.getTime() !== sentAt.getTime()) {
        throw conflict(`notice ${notice.noticeNumber} was already sent on ${notice.sentAt.toISOString()}`);
      }
      assertPdfStored(notice, `notice ${notice.noticeNumber}`, this.evidence !== null);
      assertSentAfterIssue(sentAt, notice.createdAt, ': a notice cannot be sent before it was made');
      const firstSend = notice.sentAt === null;
      notice.channel = command.channel ?? notice.channel;
      notice.sentAt = sentAt;
      recordReceipt(notice, times, command.receiptReason, actor.actor);
      await manager.save(Notice, notice);
      if (notice.kind !== 'sampling') await this.deadlines.meet(manager, 'result-notice', notice.id, sentAt);
      await this.audit.record(
        actor,
        {
          action: 'notice.delivery',
          entityType: 'notice',
          entityId: notice.id,
          detail: {
            noticeNumber: notice.noticeNumber,
            channel: notice.channel,
            sentAt: command.sentAt,
            receivedAt: lateReceipt ? null : (command.receivedAt ?? null),
            ...(lateReceipt
              ? {
                  receiptPendingAt: command.receivedAt,
                  receiptReason: command.receiptReason,
                  clock: now.toISOString(),
                }
              : {}),
            late: notice.dueAt ? sentAt > notice.dueAt : false,
          },
        },
        manager,
      );
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: notice.batchNumber });
      const report = [batch.initialReport, batch.reinspectionReport].find(
        (r) => r?.reportNumber === notice.reportNumber,
      );
      if (firstSend && report && notice.kind !== 'sampling')
        await this.notifier.publishWhenAllSent(manager, batch, report, now);
      await this.finality.armWindow(manager, notice.batchNumber);
      return notice;
    });
  }

  /**
   * A second officer confirms a receipt recorded after the day it happened (four-eyes: never the
   * officer who recorded it); only then does the objection period run from it.
   */
  async confirmReceipt(
    actor: AuditActor,
    noticeId: string,
    command: ConfirmReceiptCommand,
    now = this.clock.now(),
  ): Promise<Notice> {
    const confirmed = new Date(command.receivedAt);
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await this.lockOpen(manager, noticeId);
      const pending = confirmPendingReceipt(notice, actor.actor, confirmed, `notice ${notice.noticeNumber}`);
      await manager.save(Notice, notice);
      await this.audit.record(
        actor,
        {
          action: 'notice.receipt-confirmed',
          entityType: 'notice',
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
      await this.finality.armWindow(manager, notice.batchNumber);
      return notice;
    });
  }

  /** The notice, locked, if it can still be delivered (not withdrawn, not a public notice, not received). */
  private async lockOpen(manager: EntityManager, noticeId: string): Promise<Notice> {
    const notice = await manager.findOne(Notice, {
      where: { id: noticeId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!notice) throw notFound('notice', noticeId);
    if (notice.withdrawnAt)
      throw conflict(
        `notice ${notice.noticeNumber} was withdrawn on ${notice.withdrawnAt.toISOString()}: its report was replaced by an amended one`,
      );
    if (notice.channel === 'public-notice')
      throw conflict(`notice ${notice.noticeNumber} is a public notice: it was published, not delivered`);
    if (notice.receivedAt)
      throw conflict(
        `notice ${notice.noticeNumber} was already received on ${notice.receivedAt.toISOString()}`,
      );
    if (notice.deliveryFailedAt)
      throw conflict(
        `the delivery of notice ${notice.noticeNumber} failed on ${notice.deliveryFailedAt.toISOString()}: a public notice replaced it`,
      );
    return notice;
  }
}
