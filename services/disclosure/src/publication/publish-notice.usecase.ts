import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { ResultNotifiedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { PublicationListeners } from './publication-listeners';
import { PublicNotice } from './public-notice.entity';
import { PublicNoticeView } from './public-notice.view';

/**
 * Publishes the public notice (公告通知) enforcement sent instead of an undeliverable result
 * notice, once per batch and report.
 */
@Injectable()
export class PublishNoticeUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly listeners: PublicationListeners,
  ) {}

  async execute(
    manager: EntityManager,
    notified: ResultNotifiedValue,
    messageId: string,
    now = new Date(),
  ): Promise<void> {
    const facts = notified.publicNotice;
    if (!facts) return;
    const notice = manager.create(PublicNotice, {
      id: randomUUID(),
      batchNumber: notified.batchNumber,
      reportNumber: notified.reportNumber,
      sellerName: facts.sellerName,
      sampleName: facts.sampleName,
      specModel: facts.specModel ?? null,
      listingUrl: facts.listingUrl,
      orderNumber: facts.orderNumber,
      platform: facts.platformName ?? null,
      verdict: notified.verdict,
      publishedAt: now,
    });
    const inserted = (await manager
      .createQueryBuilder()
      .insert()
      .into(PublicNotice)
      .values(notice)
      .orIgnore()
      .returning(['id'])
      .execute()) as { raw: Array<{ id: string }> };
    if (inserted.raw.length === 0) return;
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'notice.publish',
        entityType: 'public-notice',
        entityId: notice.id,
        detail: { batchNumber: notified.batchNumber, reportNumber: notified.reportNumber, messageId },
      },
      manager,
    );
    await this.listeners.notify(manager, {
      kind: 'public-notice',
      batchNumber: notified.batchNumber,
      // result-notified names the platform (value.platform) but carries no platform code
      platformCode: null,
      value: PublicNoticeView.of(notice),
    });
  }
}
