import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A targeted follow-up sampling (跟踪抽检) proposed to planning after a final failure. */
@Entity({ name: 'follow_up_proposal' })
export class FollowUpProposal {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'seller_uscc', type: 'text', nullable: true })
  sellerUscc!: string | null;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text', nullable: true })
  brand!: string | null;

  @Column({ name: 'spec_model', type: 'text', nullable: true })
  specModel!: string | null;

  @Column({ name: 'listing_url', type: 'text' })
  listingUrl!: string;

  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  @Column({ name: 'failing_items', type: 'jsonb' })
  failingItems!: string[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  /** The follow-up batch planning issued for it (`batch-issued` with `followUpOf`). */
  @Column({ name: 'follow_up_batch_number', type: 'text', nullable: true })
  followUpBatchNumber!: string | null;

  /** The follow-up's final verdict, once final. */
  @Column({ type: 'text', nullable: true })
  outcome!: 'pass' | 'fail' | null;

  @Column({ name: 'outcome_at', type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;
}
