import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A breached deadline someone must act on. */
@Entity({ name: 'alert' })
export class Alert {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'raised_at', type: 'timestamptz', default: () => 'now()' })
  raisedAt!: Date;
}
