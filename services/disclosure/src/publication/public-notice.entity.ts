import type { Verdict } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A public notice (公告通知) replacing a result notice that could not be delivered: exactly the
 * fields the rules list (seller, product, model, link, order number, platform) and the verdict.
 */
@Entity({ name: 'public_notice' })
export class PublicNotice {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'report_number', type: 'text' })
  reportNumber!: string;

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'sample_name', type: 'text' })
  sampleName!: string;

  @Column({ name: 'spec_model', type: 'text', nullable: true })
  specModel!: string | null;

  @Column({ name: 'listing_url', type: 'text' })
  listingUrl!: string;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber!: string;

  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  @Column({ type: 'text' })
  verdict!: Verdict;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}
