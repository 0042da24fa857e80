import { Injectable } from '@nestjs/common';
import {
  platformFeedItemContract,
  type OrderPlacedValue,
  type PlatformFeedItemValue,
  type ResultFinalValue,
  type ResultNotifiedValue,
} from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import { FeedBatch } from './feed-batch.entity';
import { FeedPlatform } from './feed-platform.entity';

/**
 * Writes a platform's result notices and final results to its feed topic, through the outbox in
 * the consumer's inbox transaction: each event yields its feed item exactly once in effect. Only
 * registered platforms get a feed; samples bought on a seller's own site have none.
 */
@Injectable()
export class PublishFeedItemsUseCase {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** Remembers which platform and listing a batch bought; releases a notice that came first. */
  async onOrderPlaced(manager: EntityManager, order: OrderPlacedValue, messageId: string): Promise<void> {
    if (!order.platform) return;
    const earlier = await this.lockBatch(manager, order.batchNumber);
    const batch: FeedBatch = {
      ...earlier,
      batchNumber: order.batchNumber,
      platformCode: order.platform.code,
      orderNumber: order.orderNumber,
      listingId: order.listing.platformListingId,
      listingUrl: order.listing.url,
      sellerName: order.seller.name,
      shopName: order.seller.shopName,
      pendingNotice: null,
    };
    await manager.save(FeedBatch, batch);
    if (earlier.pendingNotice) await this.sendNotice(manager, batch, earlier.pendingNotice, messageId);
  }

  async onResultNotified(
    manager: EntityManager,
    notice: ResultNotifiedValue,
    messageId: string,
  ): Promise<void> {
    const batch = await this.lockBatch(manager, notice.batchNumber);
    // Kept for a platform registered later; pending while the order has not named the platform
    // (or for good, when the sample was not bought on one).
    const pending = batch.platformCode ? null : notice;
    await manager.update(FeedBatch, { batchNumber: notice.batchNumber }, { notice, pendingNotice: pending });
    if (!pending) await this.sendNotice(manager, batch, notice, messageId);
  }

  /**
   * The batch's row, created if missing and locked: the order and the notice arrive on two topics,
   * possibly at once on two partitions, and whichever commits second must see the other.
   */
  private async lockBatch(manager: EntityManager, batchNumber: string): Promise<FeedBatch> {
    await manager.query('insert into feed_batch (batch_number) values ($1) on conflict do nothing', [
      batchNumber,
    ]);
    return manager.findOneOrFail(FeedBatch, { where: { batchNumber }, lock: { mode: 'pessimistic_write' } });
  }

  async onResultFinal(manager: EntityManager, result: ResultFinalValue, messageId: string): Promise<void> {
    if (!result.platform) return;
    await this.lockBatch(manager, result.batchNumber);
    await manager.update(FeedBatch, { batchNumber: result.batchNumber }, { finalResult: result });
    await this.sendFinal(manager, result, messageId);
  }

  /**
   * A platform registered now gets what is already known of samples bought on it: each batch's
   * latest result notice and its final result, in the registration's transaction.
   */
  async backfill(manager: EntityManager, platform: string, causationId?: string): Promise<void> {
    const batches = await manager
      .createQueryBuilder(FeedBatch, 'b')
      .where("b.platform_code = :platform or b.final_result -> 'platform' ->> 'code' = :platform", {
        platform,
      })
      .orderBy('b.batch_number')
      .getMany();
    for (const batch of batches) {
      if (batch.notice && !batch.pendingNotice)
        await this.sendNotice(manager, batch, batch.notice, causationId);
      if (batch.finalResult) await this.sendFinal(manager, batch.finalResult, causationId);
    }
  }

  private async sendFinal(
    manager: EntityManager,
    result: ResultFinalValue,
    causationId?: string,
  ): Promise<void> {
    if (!result.platform) return;
    const item: PlatformFeedItemValue = {
      kind: 'final-result',
      batchNumber: result.batchNumber,
      listingId: result.listing.platformListingId,
      listingUrl: result.listing.url,
      sellerName: result.seller.name,
      shopName: result.seller.shopName,
      verdict: result.verdict,
      reportNumber: result.reportNumber,
      basis: result.basis,
      sampleName: result.claimed.sampleName,
      claimedBrand: result.claimed.brand,
      claimedProducer: result.claimed.producerName,
      specModel: result.claimed.specModel,
      productionDate: result.claimed.productionDate,
      mainNonconformingItems: result.failingItems,
      occurredAt: result.finalAt,
    };
    await this.send(manager, result.platform.code, item, causationId);
  }

  private async sendNotice(
    manager: EntityManager,
    batch: FeedBatch,
    notice: ResultNotifiedValue,
    causationId?: string,
  ): Promise<void> {
    if (!batch.platformCode || !batch.listingId || !batch.listingUrl || !batch.sellerName) return;
    const item: PlatformFeedItemValue = {
      kind: 'result-notice',
      batchNumber: batch.batchNumber,
      listingId: batch.listingId,
      listingUrl: batch.listingUrl,
      sellerName: batch.sellerName,
      shopName: batch.shopName ?? undefined,
      verdict: notice.verdict,
      reportNumber: notice.reportNumber,
      orderNumber: batch.orderNumber ?? undefined,
      noticeNumber: notice.deliveries.find((d) => d.recipient === 'platform')?.noticeNumber,
      objectionDeadline: notice.objectionDeadline,
      publicNotice: notice.publicNotice,
      occurredAt: notice.notifiedAt,
    };
    await this.send(manager, batch.platformCode, item, causationId);
  }

  private async send(
    manager: EntityManager,
    platform: string,
    item: PlatformFeedItemValue,
    causationId?: string,
  ): Promise<void> {
    // Counts the item for the platform's delivery state; no row: not registered, no feed.
    const counted = await manager
      .createQueryBuilder()
      .update(FeedPlatform)
      .set({ itemsWritten: () => 'items_written + 1', lastItemAt: () => 'now()' })
      .where('code = :platform', { platform })
      .execute();
    if (!counted.affected) return;
    // Absent optional fields are left out, not sent as undefined/null.
    const value = JSON.parse(JSON.stringify(item)) as PlatformFeedItemValue;
    await this.outbox.publish(manager, [
      { contract: platformFeedItemContract(platform), key: item.batchNumber, value, causationId },
    ]);
  }
}
