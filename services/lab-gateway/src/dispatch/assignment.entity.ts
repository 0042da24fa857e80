import type { InspectionPurpose, SampleRole } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssignmentStatus } from './assignment-status';
import type { ProgressEntry } from './progress-entry';

/** A sealed sample dispatched to one lab (随机送检), with the draw that chose it. */
@Entity({ name: 'assignment' })
export class Assignment {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  purpose!: InspectionPurpose;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'sample_name', type: 'text' })
  sampleName!: string;

  @Column({ name: 'sample_code', type: 'text' })
  sampleCode!: string;

  @Column({ name: 'sample_role', type: 'text' })
  sampleRole!: SampleRole;

  @Column({ name: 'seal_number', type: 'text' })
  sealNumber!: string;

  @Column({ name: 'product_standard', type: 'text', nullable: true })
  productStandard!: string | null;

  @Column({ name: 'reinspection_of_report', type: 'text', nullable: true })
  reinspectionOfReport!: string | null;

  @Column({ name: 'lab_id', type: 'uuid' })
  labId!: string;

  @Column({ name: 'lab_name', type: 'text' })
  labName!: string;

  @Column({ name: 'draw_seed', type: 'text' })
  drawSeed!: string;

  @Column({ name: 'candidate_lab_ids', type: 'uuid', array: true })
  candidateLabIds!: string[];

  /** Labs kept out of the draw: the original lab of a re-inspection, labs that declined. */
  @Column({ name: 'excluded_lab_ids', type: 'uuid', array: true })
  excludedLabIds!: string[];

  @Column({ name: 'dispatched_at', type: 'timestamptz' })
  dispatchedAt!: Date;

  @Column({ name: 'due_on', type: 'date' })
  dueOn!: string;

  /** The holiday schedule did not cover the period: counted Monday to Friday only. */
  @Column({ name: 'due_on_provisional', type: 'boolean' })
  dueOnProvisional!: boolean;

  /** The entrustment contract (and its version) whose turnaround set the due date; null before contracts and in the sandbox. */
  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @Column({ name: 'contract_number', type: 'text', nullable: true })
  contractNumber!: string | null;

  @Column({ name: 'contract_version', type: 'integer', nullable: true })
  contractVersion!: number | null;

  /** Working days from the dispatch day to the due date, as the contract agreed for the category. */
  @Column({ name: 'turnaround_working_days', type: 'integer', nullable: true })
  turnaroundWorkingDays!: number | null;

  @Column({ type: 'text' })
  status!: AssignmentStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ type: 'jsonb' })
  progress!: ProgressEntry[];

  @Column({ name: 'overdue_alerted_at', type: 'timestamptz', nullable: true })
  overdueAlertedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** A synthetic assignment of a sandbox lab: no real batch, nothing published, nothing redrawn. */
  @Column({ type: 'boolean', default: false })
  sandbox!: boolean;
}
