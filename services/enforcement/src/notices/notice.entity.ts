import type { NoticeChannel, NoticeRecipient } from '@qis/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { PdfEvidenceRecord } from '../evidence/pdf-evidence-record';

export type NoticeKind = 'sampling' | 'result' | 'reinspection-result';

/** Why a notice could not be delivered (拒收, 地址不详, 退回): it is then replaced by a public notice. */
export const DELIVERY_FAILURE_REASONS = ['refused', 'address-unknown', 'returned'] as const;
export type DeliveryFailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];

/** One notice (抽检通知书 / 抽检结果通知书) to one recipient, with its text and delivery record. */
@Entity({ name: 'notice' })
export class Notice extends PdfEvidenceRecord {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'batch_number', type: 'text' })
  batchNumber!: string;

  @Column({ type: 'text' })
  kind!: NoticeKind;

  @Column({ type: 'text' })
  recipient!: NoticeRecipient;

  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text' })
  channel!: NoticeChannel;

  @Column({ name: 'notice_number', type: 'text' })
  noticeNumber!: string;

  @Column({ name: 'report_number', type: 'text', nullable: true })
  reportNumber!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /**
   * Set while the due date is pending: the year whose holiday schedule it waits for (the 5th
   * working day reaches a year the calendar does not know). Cleared when the due date is set.
   */
  @Column({ name: 'due_pending_year', type: 'int', nullable: true })
  duePendingYear!: number | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  /** When the notice was issued (made), on enforcement's clock: no delivery is sent before it. */
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /**
   * A receipt recorded after the day it happened, waiting for a second officer's confirmation: the
   * objection period does not run from it (nor is `receivedAt` set) until then.
   */
  @Column({ name: 'receipt_pending_at', type: 'timestamptz', nullable: true })
  receiptPendingAt!: Date | null;

  /** The proof of service a late-recorded receipt rests on (e.g. the postal return receipt). */
  @Column({ name: 'receipt_reason', type: 'text', nullable: true })
  receiptReason!: string | null;

  @Column({ name: 'receipt_recorded_by', type: 'text', nullable: true })
  receiptRecordedBy!: string | null;

  @Column({ name: 'receipt_confirmed_by', type: 'text', nullable: true })
  receiptConfirmedBy!: string | null;

  /** A corrected notice (更正通知书): the sent notice of the replaced report it corrects. */
  @Column({ name: 'corrects_notice_id', type: 'uuid', nullable: true })
  correctsNoticeId!: string | null;

  /** Set when an amended report replaced this notice's report before it was sent: never sent. */
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  /** When the delivery was found to have failed (refused, address unknown, returned); never received. */
  @Column({ name: 'delivery_failed_at', type: 'timestamptz', nullable: true })
  deliveryFailedAt!: Date | null;

  @Column({ name: 'delivery_failure_reason', type: 'text', nullable: true })
  deliveryFailureReason!: DeliveryFailureReason | null;

  @Column({ name: 'delivery_failure_note', type: 'text', nullable: true })
  deliveryFailureNote!: string | null;

  @Column({ name: 'delivery_failure_recorded_by', type: 'text', nullable: true })
  deliveryFailureRecordedBy!: string | null;

  /** A public notice (公告通知) issued because this other notice's delivery failed. */
  @Column({ name: 'replaces_notice_id', type: 'uuid', nullable: true })
  replacesNoticeId!: string | null;
}
