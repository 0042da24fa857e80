import type { ApplicantRole } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MaterialsChecklist } from './objection-materials';

/**
 * filed → approved → re-inspecting → completed, or filed → rejected (by the approver), or
 * refused (late), or approved → waived (procedures not completed within 7 days). A filing dated
 * on an earlier day than it was recorded is awaiting-confirmation until a second officer confirms
 * it (then filed, or refused when late).
 */
export type ObjectionStatus =
  | 'awaiting-confirmation'
  | 'filed'
  | 'refused'
  | 'approved'
  | 'rejected'
  | 'waived'
  | 're-inspecting'
  | 'completed';

/** Statuses of an objection still in progress: it holds the result open. */
export const OPEN_OBJECTION_STATUSES: readonly ObjectionStatus[] = [
  'awaiting-confirmation',
  'filed',
  'approved',
  're-inspecting',
];

/** A written objection (书面复检申请) to a result. */
@Entity({ name: 'objection' })
export class Objection {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ name: 'applicant_role', type: 'text' })
  applicantRole!: ApplicantRole;

  @Column({ name: 'applicant_name', type: 'text' })
  applicantName!: string;

  @Column({ name: 'applicant_uscc', type: 'text', nullable: true })
  applicantUscc!: string | null;

  @Column({ type: 'text', nullable: true })
  grounds!: string | null;

  /** The authorised person (被授权人) who filed for the applicant; null when the applicant filed itself. */
  @Column({ name: 'agent_name', type: 'text', nullable: true })
  agentName!: string | null;

  @Column({ name: 'notice_received_at', type: 'timestamptz' })
  noticeReceivedAt!: Date;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt!: Date;

  /** Why a filing dated on an earlier day than it was recorded bears that date (the proof of it). */
  @Column({ name: 'filing_reason', type: 'text', nullable: true })
  filingReason!: string | null;

  /** The officer who recorded a back-dated filing; a second, different officer confirms it. */
  @Column({ name: 'filing_recorded_by', type: 'text', nullable: true })
  filingRecordedBy!: string | null;

  @Column({ name: 'filing_confirmed_by', type: 'text', nullable: true })
  filingConfirmedBy!: string | null;

  @Column({ name: 'filing_confirmed_at', type: 'timestamptz', nullable: true })
  filingConfirmedAt!: Date | null;

  @Column({ name: 'window_last_day', type: 'date' })
  windowLastDay!: string;

  @Column({ type: 'text' })
  status!: ObjectionStatus;

  @Column({ name: 'refusal_reason', type: 'text', nullable: true })
  refusalReason!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** The re-inspection lab drawn by lab-gateway (`sample-dispatched` for the re-inspection). */
  @Column({ name: 'reinspection_lab_id', type: 'text', nullable: true })
  reinspectionLabId!: string | null;

  @Column({ name: 'reinspection_lab_name', type: 'text', nullable: true })
  reinspectionLabName!: string | null;

  /** When the lab became known (its dispatch): the 《复检机构确定通知书》 are issued then. */
  @Column({ name: 'lab_notified_at', type: 'timestamptz', nullable: true })
  labNotifiedAt!: Date | null;

  /**
   * When the applicant received the current 《复检机构确定通知书》: the 7 days for the procedures run
   * from here (operating rules §6); null while it is not received, and the period is pending.
   */
  @Column({ name: 'lab_notice_received_at', type: 'timestamptz', nullable: true })
  labNoticeReceivedAt!: Date | null;

  @Column({ name: 'complete_by', type: 'timestamptz', nullable: true })
  completeBy!: Date | null;

  @Column({ name: 'procedures_completed_at', type: 'timestamptz', nullable: true })
  proceduresCompletedAt!: Date | null;

  /** The applicant's materials checklist: each item received or missing, who recorded it and when. */
  @Column({ type: 'jsonb' })
  materials!: MaterialsChecklist;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
