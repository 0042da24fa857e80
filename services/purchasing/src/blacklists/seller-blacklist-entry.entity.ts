import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const BLACKLIST_TARGETS = ['buyer', 'account', 'address'] as const;
export type BlacklistTarget = (typeof BLACKLIST_TARGETS)[number];

/** A seller blacklisted a buyer, account or address: never used for that seller again. */
@Entity({ name: 'seller_blacklist_entry' })
export class SellerBlacklistEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'seller_key', type: 'text' })
  sellerKey!: string;

  @Column({ name: 'target_kind', type: 'text' })
  targetKind!: BlacklistTarget;

  @Column({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber!: string | null;

  @Column({ name: 'observed_on', type: 'date' })
  observedOn!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
