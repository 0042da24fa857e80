import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { retryTransaction } from '@qis/persistence';
import { DataSource } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { assertPdfStored } from '../evidence/assert-pdf-stored';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';
import { DeadlineBook } from '../kernel/deadline-book';
import { ResultFinality } from '../kernel/result-finality';
import { conflict } from '@qis/domain';
import { assertSentAfterIssue, readFailureTimes } from './delivery-record';
import { nextNoticeNumber } from './notice-numbers';
import { resultNoticeText } from './notice-text';
import { Notice } from './notice.entity';
import type { RecordDeliveryFailureCommand } from './record-delivery-failure.command';
import { ResultNotifier } from './result-notifier';

/**
 * A result notice to the seller or the producer that could not be delivered (refused, address
 * unknown, returned) is kept with the reason and replaced by a public notice (公告通知, operating
 * rules §6), published now through disclosure with `result-notified`: the applicant's 15-day
 * objection period runs from that publication.
 */
@Injectable()
export class RecordDeliveryFailureUseCase {
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
    command: RecordDeliveryFailureCommand,
    now = this.clock.now(),
  ): Promise<{ failed: Notice; publicNotice: Notice }> {
    const { failedAt, sentAt } = readFailureTimes(command, now);
    return retryTransaction(this.dataSource, async (manager) => {
      const notice = await manager.findOne(Notice, {
        where: { id: noticeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!notice) throw notFound('notice', noticeId);
      if (notice.kind === 'sampling' || notice.recipient === 'platform')
        throw conflict(
          `notice ${notice.noticeNumber} is not a result notice to the seller or the producer: only those are replaced by a public notice`,
        );
      if (notice.withdrawnAt) throw conflict(`notice ${notice.noticeNumber} was withdrawn unsent`);
      if (notice.channel === 'public-notice')
        throw conflict(`notice ${notice.noticeNumber} is a public notice: it was published, not delivered`);
      if (notice.deliveryFailedAt)
        throw conflict(
          `the delivery of notice ${notice.noticeNumber} was already recorded as failed on ${notice.deliveryFailedAt.toISOString()}`,
        );
      if (notice.receivedAt || notice.receiptPendingAt)
        throw conflict(`notice ${notice.noticeNumber} has a receipt on record: its delivery did not fail`);
      if (notice.sentAt && sentAt && notice.sentAt.getTime() !== sentAt.getTime())
        throw conflict(`notice ${notice.noticeNumber} was sent on ${notice.sentAt.toISOString()}`);
      const sent = sentAt ?? notice.sentAt;
      // Refused or returned: it was sent, so as the stored document (an unknown address sent nothing).
      if (sent) {
        assertPdfStored(notice, `notice ${notice.noticeNumber}`, this.evidence !== null);
        assertSentAfterIssue(sent, notice.createdAt);
      }
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: notice.batchNumber });
      const report = [batch.initialReport, batch.reinspectionReport].find(
        (r) => r?.reportNumber === notice.reportNumber,
      );
      if (!report || !batch.order || !batch.sealed)
        throw conflict(
          `batch ${notice.batchNumber} lacks the report or facts of notice ${notice.noticeNumber}`,
        );

      notice.channel = command.channel ?? notice.channel;
      notice.sentAt = sent;
      notice.deliveryFailedAt = failedAt;
      notice.deliveryFailureReason = command.reason;
      notice.deliveryFailureNote = command.note ?? null;
      notice.deliveryFailureRecordedBy = actor.actor;
      await manager.save(Notice, notice);
      // The bureau did its part by trying (or, with no address, by publishing now).
      await this.deadlines.meet(manager, 'result-notice', notice.id, sent ?? now);

      const number = await nextNoticeNumber(manager, 'JG', now);
      const publicNotice = manager.create(Notice, {
        id: randomUUID(),
        batchNumber: notice.batchNumber,
        kind: notice.kind,
        recipient: notice.recipient,
        recipientName: notice.recipientName,
        address: null,
        channel: 'public-notice',
        noticeNumber: number,
        reportNumber: notice.reportNumber,
        content: resultNoticeText(number, notice.recipientName, batch.order, batch.sealed, report, true),
        dueAt: notice.dueAt,
        duePendingYear: notice.duePendingYear,
        // Published now: the objection period runs from the publication.
        sentAt: now,
        receivedAt: now,
        replacesNoticeId: notice.id,
        createdAt: now,
      });
      await manager.insert(Notice, publicNotice);
      await this.audit.record(
        actor,
        {
          action: 'notice.delivery-failed',
          entityType: 'notice',
          entityId: notice.id,
          detail: {
            noticeNumber: notice.noticeNumber,
            reason: command.reason,
            channel: notice.channel,
            sentAt: sent?.toISOString() ?? null,
            failedAt: command.failedAt,
            note: command.note ?? null,
            publicNotice: number,
            publishedAt: now.toISOString(),
          },
        },
        manager,
      );
      await this.notifier.publishPublicNotice(manager, batch, report, now);
      await this.finality.armWindow(manager, notice.batchNumber);
      return { failed: notice, publicNotice };
    });
  }
}
