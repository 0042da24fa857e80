import type { Authority, CaseOutcome, RoutingRule } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseStatus = 'routed' | 'accepted' | 'investigating' | 'closed';

const bigintAsNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A failed batch handed to the authority of its jurisdiction (交办案件). */
@Entity({ name: 'enforcement_case' })
export class EnforcementCase {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  rule!: RoutingRule;

  @Column({ type: 'jsonb' })
  authority!: Authority;

  /** The authority's area: officers see the cases their jurisdiction covers. */
  @Column({ name: 'area_code', type: 'text' })
  areaCode!: string;

  @Column({ name: 'copied_to', type: 'jsonb' })
  copiedTo!: Authority[];

  @Column({ type: 'text' })
  explanation!: string;

  /** The routing policy row that placed the case (`ROUTING_POLICY` id); null before it was recorded. */
  @Column({ name: 'policy_row', type: 'text', nullable: true })
  policyRow!: string | null;

  /** Why that row applied: the facts located and the rule, in order. */
  @Column({ name: 'policy_reasons', type: 'jsonb', default: () => "'[]'::jsonb" })
  policyReasons!: string[];

  @Column({ name: 'seller_name', type: 'text' })
  sellerName!: string;

  @Column({ name: 'seller_uscc', type: 'text', nullable: true })
  sellerUscc!: string | null;

  @Column({ type: 'text', nullable: true })
  platform!: string | null;

  @Column({ type: 'text' })
  status!: CaseStatus;

  @Column({ type: 'jsonb', nullable: true })
  outcomes!: CaseOutcome[] | null;

  @Column({ name: 'penalty_fen', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  penaltyFen!: number | null;

  /** 处罚决定书文号, with a penalty. */
  @Column({ name: 'penalty_decision_number', type: 'text', nullable: true })
  penaltyDecisionNumber!: string | null;

  /** The provisions the outcome rests on (法律依据). */
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis!: string | null;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'routed_at', type: 'timestamptz' })
  routedAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
