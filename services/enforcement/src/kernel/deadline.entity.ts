import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a deadline does when it passes unmet: a result notice not sent raises an alert; an
 * objection window closing may make the result final; re-inspection procedures not completed
 * waive the re-inspection; an open case raises an overdue alert.
 */
export const DEADLINE_KINDS = [
  'result-notice',
  'objection-window',
  'reinspection-procedures',
  'case-overdue',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** The due table the scheduler scans. */
@Entity({ name: 'deadline' })
export class Deadline {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: DeadlineKind;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ name: 'handled_at', type: 'timestamptz', nullable: true })
  handledAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;
}
