import type { OrderPlacedValue, ReportIssuedValue, SampleSealedValue } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What enforcement knows of a batch, from the events it consumed (they arrive on different topics,
 * in any order): the order, the sealed sample, the first report and a re-inspection report.
 */
@Entity({ name: 'enforcement_batch' })
export class BatchFile {
  @PrimaryColumn({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  /** A targeted follow-up (跟踪抽检, from `batch-issued`): the earlier failed batch it checks again. */
  @Column({ name: 'follow_up_of', type: 'text', nullable: true })
  followUpOf!: string | null;

  @Column({ name: 'order_facts', type: 'jsonb', nullable: true })
  order!: OrderPlacedValue | null;

  @Column({ name: 'sealed_facts', type: 'jsonb', nullable: true })
  sealed!: SampleSealedValue | null;

  @Column({ name: 'initial_report', type: 'jsonb', nullable: true })
  initialReport!: ReportIssuedValue | null;

  /** Initial reports an amended report replaced (ISO/IEC 17025 7.8.8), oldest first. */
  @Column({ name: 'replaced_reports', type: 'jsonb', default: () => "'[]'::jsonb" })
  replacedReports!: ReportIssuedValue[];

  @Column({ name: 'reinspection_report', type: 'jsonb', nullable: true })
  reinspectionReport!: ReportIssuedValue | null;

  @Column({ name: 'result_notified_at', type: 'timestamptz', nullable: true })
  resultNotifiedAt!: Date | null;

  @Column({ name: 'final_at', type: 'timestamptz', nullable: true })
  finalAt!: Date | null;

  @Column({ name: 'final_basis', type: 'text', nullable: true })
  finalBasis!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** The report that stands: the re-inspection's when there was one. */
  get standingReport(): ReportIssuedValue | null {
    return this.reinspectionReport ?? this.initialReport;
  }
}
