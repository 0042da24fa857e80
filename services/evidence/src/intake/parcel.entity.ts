import type { ParcelCondition } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A parcel as received: admitted to a batch, or quarantined with the reason. */
@Entity({ name: 'parcel' })
export class Parcel {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  carrier!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ type: 'text' })
  status!: 'admitted' | 'quarantined';

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber!: string | null;

  @Column({ name: 'quarantine_reason', type: 'text', nullable: true })
  quarantineReason!: string | null;

  @Column({ type: 'text' })
  condition!: ParcelCondition;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'received_by', type: 'text' })
  receivedBy!: string;
}
