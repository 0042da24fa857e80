import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { retryTransaction } from '@qis/persistence';
import { DataSource } from 'typeorm';
import { BatchFile } from '../batches/batch-file.entity';
import { DeadlineBook } from '../deadlines/deadline-book';
import { FinalizeResultUseCase } from '../finality/finalize-result.usecase';
import { conflict, notInFuture, unprocessable } from '../http/domain-errors';
import { Notice } from './notice.entity';
import type { RecordDeliveryCommand } from './record-delivery.command';
import { ResultNotifier } from './result-notifier';
import { Clock } from '../calendar/clock';

/** Records how a notice was delivered; the last result notice sent publishes `result-notified`. */
@Injectable()
export class RecordDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineBook,
    private readonly notifier: ResultNotifier,
    private readonly finality: FinalizeResultUseCase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    noticeId: string,
    command: RecordDeliveryCommand,
    now = this.clock.now(),
  ): Promise<Notice> {
    const sentAt = new Date(command.sentAt);
    const receivedAt = command.receivedAt ? new Date(command.receivedAt) : null;
    notInFuture('sentAt', sentAt, now);
    if (receivedAt) {
      notInFuture('receivedAt', receivedAt, now);
      if (receivedAt < sentAt) throw unprocessable('receivedAt', `is before sentAt (${command.sentAt})`);
    }
    // The deadline scan may lock the same deadlines in the other order: a deadlock victim runs again.
    return retryTransaction(this.dataSource, async (manager) => {
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
      if (notice.sentAt && notice.sentAt.getTime() !== sentAt.getTime()) {
        throw conflict(`notice ${notice.noticeNumber} was already sent on ${notice.sentAt.toISOString()}`);
      }
      const firstSend = notice.sentAt === null;
      notice.channel = command.channel ?? notice.channel;
      notice.sentAt = sentAt;
      notice.receivedAt = receivedAt;
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
            receivedAt: command.receivedAt ?? null,
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
}
