import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayPeriod } from '@qis/domain';

/**
 * `submitted` awaits a second admin; `approved` is in force for its year (one per year);
 * `returned` was sent back unapproved; `superseded` was in force until a later approval.
 */
export type HolidayScheduleStatus = 'submitted' | 'approved' | 'returned' | 'superseded';
export const HOLIDAY_SCHEDULE_STATUSES: readonly HolidayScheduleStatus[] = [
  'submitted',
  'approved',
  'returned',
  'superseded',
];

/** A year's holiday schedule as an admin transcribed it from the State Council's notice. */
@Entity({ name: 'holiday_schedule' })
export class HolidaySchedule {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'text' })
  status!: HolidayScheduleStatus;

  /** The notice it was transcribed from, e.g. 国办发明电〔2026〕7号. */
  @Column({ name: 'notice_reference', type: 'text' })
  noticeReference!: string;

  @Column({ name: 'notice_url', type: 'text', nullable: true })
  noticeUrl!: string | null;

  @Column({ type: 'jsonb' })
  holidays!: HolidayPeriod[];

  @Column({ name: 'adjusted_working_days', type: 'jsonb' })
  adjustedWorkingDays!: string[];

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Why it was returned; the approver's note on approval. */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}
