import type { DelegatedAct, DelegationMatter, DelegationStatus } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A delegation of sampling as it covers one batch, at the highest revision planning published. */
@Entity({ name: 'sampling_delegation' })
export class SamplingDelegationRecord {
  @PrimaryColumn({ name: 'delegation_id', type: 'uuid' })
  delegationId!: string;

  @PrimaryColumn({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  status!: DelegationStatus;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  matter!: DelegationMatter;

  @Column({ name: 'delegate_area_code', type: 'text' })
  delegateAreaCode!: string;

  @Column({ name: 'delegate_name', type: 'text' })
  delegateName!: string;

  @Column({ name: 'delegator_area_code', type: 'text' })
  delegatorAreaCode!: string;

  @Column({ name: 'delegator_name', type: 'text' })
  delegatorName!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text', array: true })
  acts!: DelegatedAct[];

  /** `YYYY-MM-DD` (Asia/Shanghai), inclusive. */
  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
