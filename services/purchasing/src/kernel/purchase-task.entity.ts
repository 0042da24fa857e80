import type { BatchIssuedValue } from '@qis/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceItem } from './evidence-item';
import type { PurchaseRecordCommand } from './purchase-record.command';

export const TASK_STATUSES = [
  'unassigned',
  'assigned',
  'awaiting-price-approval',
  'purchased',
  'shipped',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const fen = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One batch to buy (一个批次对应一个编号), from batch-issued to shipment. */
@Entity({ name: 'purchase_task' })
export class PurchaseTask {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  platform!: string;

  /** Who blacklists and who must not see an account twice: credit code, else the shop URL. */
  @Column({ name: 'seller_key', type: 'text' })
  sellerKey!: string;

  @Column({ name: 'buyer_pool_id', type: 'uuid', nullable: true })
  buyerPoolId!: string | null;

  @Column({ name: 'unit_price_cap_fen', type: 'integer', transformer: fen })
  unitPriceCapFen!: number;

  @Column({ name: 'purchase_due_at', type: 'timestamptz' })
  purchaseDueAt!: Date;

  @Column({ type: 'jsonb' })
  batch!: BatchIssuedValue;

  @Column({ type: 'text' })
  status!: TaskStatus;

  @Column({ name: 'buyer_id', type: 'uuid', nullable: true })
  buyerId!: string | null;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ name: 'address_id', type: 'uuid', nullable: true })
  addressId!: string | null;

  @Column({ name: 'assignment_due_at', type: 'timestamptz', nullable: true })
  assignmentDueAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  purchase!: PurchaseRecordCommand | null;

  @Column({ type: 'jsonb' })
  evidence!: EvidenceItem[];

  @Column({ name: 'evidence_package_id', type: 'uuid' })
  evidencePackageId!: string;

  @Column({ name: 'price_approved_by', type: 'text', nullable: true })
  priceApprovedBy!: string | null;

  @Column({ name: 'price_approved_at', type: 'timestamptz', nullable: true })
  priceApprovedAt!: Date | null;

  @Column({ name: 'purchased_at', type: 'timestamptz', nullable: true })
  purchasedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  carrier!: string | null;

  @Column({ name: 'tracking_number', type: 'text', nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'shipped_at', type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
