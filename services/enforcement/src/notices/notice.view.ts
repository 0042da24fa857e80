import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_CHANNELS, NOTICE_RECIPIENTS } from '@qis/contracts';
import { DELIVERY_FAILURE_REASONS, type Notice } from './notice.entity';

/** A notice with its text and delivery record. */
export class NoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: ['sampling', 'result', 'reinspection-result'] }) kind!: string;
  @ApiProperty({ enum: NOTICE_RECIPIENTS }) recipient!: string;
  @ApiProperty() recipientName!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ enum: NOTICE_CHANNELS }) channel!: string;
  @ApiProperty({ example: 'JG2026-000456' }) noticeNumber!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) reportNumber!: string | null;
  @ApiProperty({ description: 'the notice text (Chinese)' }) content!: string;
  @ApiProperty({
    format: 'date-time',
    description: "when the notice was issued, on enforcement's clock: no delivery may be sent before it",
  })
  issuedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'end of the 5th working day after the report (Asia/Shanghai)',
  })
  dueAt!: string | null;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description:
      "set while the due date is pending: the year whose holiday schedule it waits for (it is set when that year's schedule is approved)",
  })
  dueDatePendingYear!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) receivedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description:
      'a receipt recorded after the day it happened, waiting for a second officer (POST /notices/{id}/receipt-confirmation); the objection period does not run from it until confirmed',
  })
  receiptPendingAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the proof of service a receipt recorded after its day rests on',
  })
  receiptReason!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the officer who recorded a receipt after its day',
  })
  receiptRecordedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the second officer who confirmed it (never the one who recorded it)',
  })
  receiptConfirmedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'a corrected notice (更正通知书): the sent notice of the replaced report it corrects',
  })
  correctsNoticeId!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'withdrawn unsent because an amended report replaced its report',
  })
  withdrawnAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'the delivery failed (refused, address unknown, returned): a public notice replaces it',
  })
  deliveryFailedAt!: string | null;
  @ApiPropertyOptional({ enum: DELIVERY_FAILURE_REASONS, nullable: true }) deliveryFailureReason!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveryFailureNote!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the officer who recorded the failure' })
  deliveryFailureRecordedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'on a public notice: the notice whose failed delivery it replaces',
  })
  replacesNoticeId!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'the PDF stored through the evidence service (kind notice); null until stored',
  })
  evidenceObjectId!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'SHA-256 of the stored PDF, computed by the evidence service',
  })
  evidenceSha256!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) evidenceStoredAt!:
    string | null;
  @ApiProperty({ description: 'attempts to store the PDF so far' }) evidenceAttempts!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'why the last attempt failed (it is retried)',
  })
  evidenceLastError!: string | null;

  static of(n: Notice): NoticeView {
    return {
      id: n.id,
      batchNumber: n.batchNumber,
      kind: n.kind,
      recipient: n.recipient,
      recipientName: n.recipientName,
      address: n.address,
      channel: n.channel,
      noticeNumber: n.noticeNumber,
      reportNumber: n.reportNumber,
      content: n.content,
      issuedAt: n.createdAt.toISOString(),
      dueAt: n.dueAt?.toISOString() ?? null,
      dueDatePendingYear: n.duePendingYear,
      sentAt: n.sentAt?.toISOString() ?? null,
      receivedAt: n.receivedAt?.toISOString() ?? null,
      receiptPendingAt: n.receiptPendingAt?.toISOString() ?? null,
      receiptReason: n.receiptReason,
      receiptRecordedBy: n.receiptRecordedBy,
      receiptConfirmedBy: n.receiptConfirmedBy,
      correctsNoticeId: n.correctsNoticeId,
      withdrawnAt: n.withdrawnAt?.toISOString() ?? null,
      deliveryFailedAt: n.deliveryFailedAt?.toISOString() ?? null,
      deliveryFailureReason: n.deliveryFailureReason,
      deliveryFailureNote: n.deliveryFailureNote,
      deliveryFailureRecordedBy: n.deliveryFailureRecordedBy,
      replacesNoticeId: n.replacesNoticeId,
      evidenceObjectId: n.evidenceObjectId,
      evidenceSha256: n.evidenceSha256,
      evidenceStoredAt: n.evidenceStoredAt?.toISOString() ?? null,
      evidenceAttempts: n.evidenceAttempts,
      evidenceLastError: n.evidenceLastError,
    };
  }
}
