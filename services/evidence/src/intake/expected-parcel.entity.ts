import type { ListingFacts, PlatformFacts, SellerFacts } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What intake keeps of an order-placed event: enough to match the parcel and to write the notice. */
@Entity({ name: 'expected_parcel' })
export class ExpectedParcel {
  @PrimaryColumn({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'order_number', type: 'text' })
  orderNumber!: string;

  @Column({ type: 'text' })
  carrier!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ name: 'match_key', type: 'text' })
  matchKey!: string;

  @Column({ name: 'test_units', type: 'int' })
  testUnits!: number;

  @Column({ name: 'backup_units', type: 'int' })
  backupUnits!: number;

  @Column({ name: 'ordered_at', type: 'timestamptz' })
  orderedAt!: Date;

  @Column({ name: 'shipped_at', type: 'timestamptz' })
  shippedAt!: Date;

  @Column({ type: 'jsonb' })
  listing!: ListingFacts;

  @Column({ type: 'jsonb' })
  seller!: SellerFacts;

  @Column({ type: 'jsonb', nullable: true })
  platform!: PlatformFacts | null;
}
