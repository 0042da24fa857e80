import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A failed batch routing could not place: a person chooses the district (never a guess). */
@Entity({ name: 'triage_item' })
export class TriageItem {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  reason!: string;

  /** The routing policy row that sent the batch here (`ROUTING_POLICY` id). */
  @Column({ name: 'policy_row', type: 'text', nullable: true })
  policyRow!: string | null;

  @Column({ type: 'text' })
  status!: 'open' | 'resolved';

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;
}
