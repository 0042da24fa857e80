import type { TakedownAction } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A platform's report on the listing of a failed batch (下架反馈), kept even before the case exists. */
@Entity({ name: 'takedown_report' })
export class TakedownReport {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  platform!: string;

  @Column({ name: 'listing_id', type: 'text' })
  listingId!: string;

  @Column({ type: 'text' })
  action!: TakedownAction;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'acted_at', type: 'timestamptz' })
  actedAt!: Date;

  /** Set when the report did not match the batch's order (platform, listing): not attached, triaged. */
  @Column({ name: 'triage_reason', type: 'text', nullable: true })
  triageReason!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
