import type { RiskWarningStatus } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A consumer risk warning (消费风险警示) as published: the latest revision enforcement decided
 * (issued, or withdrawn with its reason).
 */
@Entity({ name: 'public_risk_warning' })
export class PublicRiskWarning {
  /** Enforcement's warning id. */
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  status!: RiskWarningStatus;

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

  @Column({ name: 'issued_by', type: 'text' })
  issuedBy!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason!: string | null;

  /** When disclosure put the latest revision on the page. */
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
