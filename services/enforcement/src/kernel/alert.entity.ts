import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A breached deadline, or something missing for deadlines (a year's holiday schedule), someone must act on. */
@Entity({ name: 'alert' })
export class Alert {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  /** Null for alerts that concern no batch (a missing holiday schedule). */
  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber!: string | null;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt!: Date;

  /** When the cause went away (the year's schedule was approved, the due date computed). */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
