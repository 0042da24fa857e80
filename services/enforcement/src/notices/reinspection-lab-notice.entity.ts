import type { DocumentSpec } from '@qis/documents';
import type { DeliveryFailureReason } from './notice.entity';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PdfEvidenceRecord } from '../evidence/pdf-evidence-record';

/** Who a 《复检机构确定通知书》 goes to: the applicant, and the re-inspection lab. */
export const REINSPECTION_LAB_NOTICE_RECIPIENTS = ['applicant', 'reinspection-lab'] as const;
export type ReinspectionLabNoticeRecipient = (typeof REINSPECTION_LAB_NOTICE_RECIPIENTS)[number];

/** How a 《复检机构确定通知书》 is sent: by post, e-mail, a platform message, or in person (直接送达). */
export const LAB_NOTICE_CHANNELS = ['post', 'email', 'platform-message', 'in-person'] as const;
export type LabNoticeChannel = (typeof LAB_NOTICE_CHANNELS)[number];

/**
 * One 《复检机构确定通知书》 to one recipient (operating rules §6: the bureau tells the applicant and the
 * re-inspection lab which lab re-inspects). Its text is fixed when issued (`document`); the PDF stored
 * as evidence is rendered from it. A redraw (the lab declined) issues new ones naming the new lab.
 */
@Entity({ name: 'reinspection_lab_notice' })
export class ReinspectionLabNotice extends PdfEvidenceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'objection_id', type: 'uuid' })
  objectionId!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  recipient!: ReinspectionLabNoticeRecipient;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ name: 'notice_number', type: 'text' })
  noticeNumber!: string;

  @Column({ name: 'lab_id', type: 'text' })
  labId!: string;

  @Column({ name: 'lab_name', type: 'text' })
  labName!: string;

  @Column({ type: 'jsonb' })
  document!: DocumentSpec;

  /** When it was issued, on enforcement's clock. */
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** Set when a redraw (the lab declined) issued new notices naming another lab: its receipt starts no clock. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  channel!: LabNoticeChannel | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** When the recipient received it (proof of service): the applicant's starts the 7 days. */
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  /** Who signed for it (签收人), as the proof of service names them. */
  @Column({ name: 'received_by', type: 'text', nullable: true })
  receivedBy!: string | null;

  @Column({ name: 'delivery_recorded_by', type: 'text', nullable: true })
  deliveryRecordedBy!: string | null;

  /** A receipt recorded after the day it happened, waiting for a second officer: no clock runs from it yet. */
  @Column({ name: 'receipt_pending_at', type: 'timestamptz', nullable: true })
  receiptPendingAt!: Date | null;

  @Column({ name: 'receipt_reason', type: 'text', nullable: true })
  receiptReason!: string | null;

  @Column({ name: 'receipt_recorded_by', type: 'text', nullable: true })
  receiptRecordedBy!: string | null;

  @Column({ name: 'receipt_confirmed_by', type: 'text', nullable: true })
  receiptConfirmedBy!: string | null;

  /** The last failed attempt (refused, address unknown, returned); a later attempt may still deliver it. */
  @Column({ name: 'delivery_failed_at', type: 'timestamptz', nullable: true })
  deliveryFailedAt!: Date | null;

  @Column({ name: 'delivery_failure_reason', type: 'text', nullable: true })
  deliveryFailureReason!: DeliveryFailureReason | null;

  @Column({ name: 'delivery_failure_note', type: 'text', nullable: true })
  deliveryFailureNote!: string | null;

  @Column({ name: 'delivery_failure_recorded_by', type: 'text', nullable: true })
  deliveryFailureRecordedBy!: string | null;
}
