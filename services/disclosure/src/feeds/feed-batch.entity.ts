import type { ResultFinalValue, ResultNotifiedValue } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a feed needs of a batch bought on a platform, from its order (order-placed). */
@Entity({ name: 'feed_batch' })
export class FeedBatch {
  @PrimaryColumn({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  /** Null until the order is known. */
  @Column({ name: 'platform_code', type: 'text', nullable: true })
  platformCode!: string | null;

  @Column({ name: 'order_number', type: 'text', nullable: true })
  orderNumber!: string | null;

  @Column({ name: 'listing_id', type: 'text', nullable: true })
  listingId!: string | null;

  @Column({ name: 'listing_url', type: 'text', nullable: true })
  listingUrl!: string | null;

  @Column({ name: 'seller_name', type: 'text', nullable: true })
  sellerName!: string | null;

  @Column({ name: 'shop_name', type: 'text', nullable: true })
  shopName!: string | null;

  /** A result notice that arrived before the order: sent once the order tells the platform. */
  @Column({ name: 'pending_notice', type: 'jsonb', nullable: true })
  pendingNotice!: ResultNotifiedValue | null;

  /** The latest result notice and the final result, for a platform registered later. */
  @Column({ type: 'jsonb', nullable: true })
  notice!: ResultNotifiedValue | null;

  @Column({ name: 'final_result', type: 'jsonb', nullable: true })
  finalResult!: ResultFinalValue | null;
}
