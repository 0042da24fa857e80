import type { ParcelCondition } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const PARCEL_STATUSES = ['admitted', 'quarantined', 'rejected'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/**
 * A parcel as received: admitted to a batch, or quarantined with the reason; a quarantined parcel is
 * then released (admitted) or rejected by an officer, with their reason.
 */
@Entity({ name: 'parcel' })
export class Parcel {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  carrier!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  @Column({ type: 'text' })
  status!: ParcelStatus;

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

  /** When an officer released or rejected the quarantined parcel (null otherwise). */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ name: 'resolution_reason', type: 'text', nullable: true })
  resolutionReason!: string | null;
}
