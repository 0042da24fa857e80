import { Column, Entity, PrimaryColumn } from 'typeorm';

export const RISK_WARNING_STATES = ['proposed', 'rejected', 'issued', 'withdrawn'] as const;
export type RiskWarningState = (typeof RISK_WARNING_STATES)[number];

/**
 * A consumer risk warning (消费风险警示) about a failed product: proposed by an officer, approved
 * (issued) or rejected by a second one, withdrawn with a reason. The product, producer and failing
 * items are copied from the batch when proposed, so the warning says what was decided.
 */
@Entity({ name: 'risk_warning' })
export class RiskWarning {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  status!: RiskWarningState;

  /** 0 proposed or rejected, 1 issued, 2 withdrawn: the revision the event carries. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'report_number', type: 'text' })
  reportNumber!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'sample_name', type: 'text' })
  sampleName!: string;

  @Column({ type: 'text', nullable: true })
  brand!: string | null;

  @Column({ name: 'spec_model', type: 'text', nullable: true })
  specModel!: string | null;

  @Column({ name: 'producer_name', type: 'text', nullable: true })
  producerName!: string | null;

  @Column({ name: 'producer_uscc', type: 'text', nullable: true })
  producerUscc!: string | null;

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'platform_name', type: 'text', nullable: true })
  platformName!: string | null;

  @Column({ name: 'failing_items', type: 'jsonb' })
  failingItems!: string[];

  @Column({ type: 'text' })
  risk!: string;

  @Column({ type: 'text' })
  advice!: string;

  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy!: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'withdrawn_by', type: 'text', nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;
}
