import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ReportIssuedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import type { BatchFile } from '../kernel/batch-file.entity';
import { CreditEntry } from './credit-entry.entity';
import { FollowUpProposal } from './follow-up-proposal.entity';

/**
 * A final failure goes on the credit files of the seller and the claimed producer (反向建档: by
 * its credit code when the label showed one, else by name) and
 * proposes a targeted follow-up sampling of the same product to planning.
 */
@Injectable()
export class RecordFailureCreditUseCase {
  async execute(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
  ): Promise<void> {
    const order = batch.order;
    const sealed = batch.sealed;
    if (!order || !sealed) return;
    const detail = {
      reportNumber: report.reportNumber,
      failingItems: report.failingItems,
      sampleName: sealed.claimed.sampleName,
      category: sealed.category,
      listingUrl: order.listing.url,
    };
    const entries = [
      manager.create(CreditEntry, {
        id: randomUUID(),
        unifiedSocialCreditCode: order.seller.unifiedSocialCreditCode ?? null,
        subjectName: order.seller.name,
        subjectRole: 'seller',
        kind: 'failure',
        batchNumber: batch.batchNumber,
        detail,
        occurredAt: now,
      }),
    ];
    if (sealed.claimed.producerName) {
      entries.push(
        manager.create(CreditEntry, {
          id: randomUUID(),
          unifiedSocialCreditCode: sealed.claimed.producerUnifiedSocialCreditCode ?? null,
          subjectName: sealed.claimed.producerName,
          subjectRole: 'producer',
          kind: 'failure',
          batchNumber: batch.batchNumber,
          detail,
          occurredAt: now,
        }),
      );
    }
    await manager.save(CreditEntry, entries);
    const previous = (await manager.query(
      `select count(*)::int as n from credit_entry where kind = 'failure' and subject_role = 'seller'
         and batch_number <> $1 and (unified_social_credit_code = $2 or (unified_social_credit_code is null and subject_name = $3))`,
      [batch.batchNumber, order.seller.unifiedSocialCreditCode ?? null, order.seller.name],
    )) as Array<{ n: number }>;
    const earlier = previous[0]?.n ?? 0;
    await manager
      .createQueryBuilder()
      .insert()
      .into(FollowUpProposal)
      .values({
        id: randomUUID(),
        batchNumber: batch.batchNumber,
        sellerName: order.seller.name,
        sellerUscc: order.seller.unifiedSocialCreditCode ?? null,
        category: sealed.category,
        brand: sealed.claimed.brand ?? null,
        specModel: sealed.claimed.specModel ?? null,
        listingUrl: order.listing.url,
        platform: order.platform?.code ?? null,
        failingItems: report.failingItems,
        reason:
          `final result fail (${report.reportNumber}: ${report.failingItems.join('、') || 'overall verdict'})` +
          (earlier > 0 ? `; the seller has ${earlier} earlier failure(s) on file` : ''),
        proposedAt: now,
      })
      .orIgnore()
      .execute();
  }
}
