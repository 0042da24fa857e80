import { Injectable } from '@nestjs/common';
import { ResultNotified, type ReportIssuedValue, type ResultNotifiedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { shanghaiDate } from '@qis/domain';
import type { BatchFile } from '../kernel/batch-file.entity';
import { AlertBook } from '../kernel/alert-book';
import { OBJECTION_PERIOD_DAYS } from '../kernel/objection-period';
import { Notice } from './notice.entity';

/**
 * Publishes `result-notified` once every result notice of a report has gone out. Callers call it
 * on the transition that sent the last one, so it is published once.
 */
@Injectable()
export class ResultNotifier {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly calendars: CalendarSource,
    private readonly alerts: AlertBook,
  ) {}

  async publishWhenAllSent(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
    causationId?: string,
  ): Promise<void> {
    const notices = await manager.find(Notice, {
      where: { batchNumber: batch.batchNumber, reportNumber: report.reportNumber },
      order: { noticeNumber: 'ASC' },
    });
    // A notice whose delivery failed is replaced by its public notice: it holds nothing open.
    const results = notices.filter((n) => n.kind !== 'sampling' && !n.deliveryFailedAt && !n.withdrawnAt);
    if (results.length === 0 || results.some((n) => n.sentAt === null)) return;
    await this.publish(manager, batch, report, now, results, causationId);
  }

  /**
   * A public notice replacing a failed delivery is published at once (disclosure puts it on the
   * website), whether or not the other notices of the report went out yet: its publication starts
   * the applicant's objection period. `result-notified` then lists the deliveries made so far.
   */
  async publishPublicNotice(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
  ): Promise<void> {
    const notices = await manager.find(Notice, {
      where: { batchNumber: batch.batchNumber, reportNumber: report.reportNumber },
      order: { noticeNumber: 'ASC' },
    });
    const sent = notices.filter(
      (n) => n.kind !== 'sampling' && !n.deliveryFailedAt && !n.withdrawnAt && n.sentAt !== null,
    );
    await this.publish(manager, batch, report, now, sent);
  }

  private async publish(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
    results: Notice[],
    causationId?: string,
  ): Promise<void> {
    const order = batch.order;
    const sealed = batch.sealed;
    if (!order || !sealed) return;
    const seller = results.find((n) => n.recipient === 'seller');
    const receivedAt = report.purpose === 'initial' ? seller?.receivedAt : null;
    const calendar = await this.calendars.current(manager);
    const objectionDeadline = receivedAt
      ? await this.alerts.withCalendar(
          manager,
          {
            batchNumber: batch.batchNumber,
            subjectType: 'notice',
            subjectId: `${seller?.id}/objection-deadline`,
            what: `the seller's 15-day objection period after receipt on ${shanghaiDate(receivedAt)}`,
          },
          () => calendar.lastDayOfPeriod(shanghaiDate(receivedAt), OBJECTION_PERIOD_DAYS),
        )
      : null;
    const value: ResultNotifiedValue = {
      batchNumber: batch.batchNumber,
      reportNumber: report.reportNumber,
      verdict: report.verdict,
      deliveries: results.map((n) => ({
        recipient: n.recipient,
        channel: n.channel,
        noticeNumber: n.noticeNumber,
        sentAt: (n.sentAt as Date).toISOString(),
        ...(n.receivedAt ? { receivedAt: n.receivedAt.toISOString() } : {}),
      })),
      ...(results.some((n) => n.channel === 'public-notice')
        ? {
            publicNotice: {
              sellerName: order.seller.name,
              sampleName: sealed.claimed.sampleName,
              ...(sealed.claimed.specModel ? { specModel: sealed.claimed.specModel } : {}),
              listingUrl: order.listing.url,
              orderNumber: order.orderNumber,
              ...(order.platform ? { platformName: order.platform.name } : {}),
            },
          }
        : {}),
      ...(objectionDeadline ? { objectionDeadline } : {}),
      notifiedAt: now.toISOString(),
    };
    await manager.update('enforcement_batch', { batchNumber: batch.batchNumber }, { resultNotifiedAt: now });
    await this.outbox.publish(manager, [
      { contract: ResultNotified, key: batch.batchNumber, value, ...(causationId ? { causationId } : {}) },
    ]);
  }
}
