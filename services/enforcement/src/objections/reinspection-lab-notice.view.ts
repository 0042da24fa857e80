import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_FAILURE_REASONS } from '../notices/notice.entity';
import {
  LAB_NOTICE_CHANNELS,
  REINSPECTION_LAB_NOTICE_RECIPIENTS,
  type ReinspectionLabNotice,
} from '../notices/reinspection-lab-notice.entity';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** One 《复检机构确定通知书》 with its delivery record and its PDF in the evidence store. */
export class ReinspectionLabNoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) objectionId!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: REINSPECTION_LAB_NOTICE_RECIPIENTS }) recipient!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty() noticeNumber!: string;
  @ApiProperty({ description: 'the re-inspection lab it names' }) labName!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'a redraw named another lab: this notice no longer starts the 7 days',
  })
  supersededAt!: string | null;
  @ApiPropertyOptional({ enum: LAB_NOTICE_CHANNELS, nullable: true }) channel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: "when it was received; the applicant's receipt starts the 7 days for the procedures",
  })
  receivedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'who signed for it (签收人)' })
  receivedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the officer who recorded the delivery' })
  deliveryRecordedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: "a receipt recorded after its day, awaiting a second officer's confirmation",
  })
  receiptPendingAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptRecordedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) receiptConfirmedBy!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'the last failed attempt; a later attempt may deliver it',
  })
  deliveryFailedAt!: string | null;
  @ApiPropertyOptional({ enum: DELIVERY_FAILURE_REASONS, nullable: true }) deliveryFailureReason!:
    string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveryFailureNote!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'its PDF in the evidence service; null until stored (no delivery is recorded before)',
  })
  evidenceObjectId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) evidenceSha256!: string | null;

  static of(n: ReinspectionLabNotice): ReinspectionLabNoticeView {
    return {
      id: n.id,
      objectionId: n.objectionId,
      batchNumber: n.batchNumber,
      recipient: n.recipient,
      recipientName: n.recipientName,
      noticeNumber: n.noticeNumber,
      labName: n.labName,
      issuedAt: n.issuedAt.toISOString(),
      supersededAt: iso(n.supersededAt),
      channel: n.channel,
      sentAt: iso(n.sentAt),
      receivedAt: iso(n.receivedAt),
      receivedBy: n.receivedBy,
      deliveryRecordedBy: n.deliveryRecordedBy,
      receiptPendingAt: iso(n.receiptPendingAt),
      receiptReason: n.receiptReason,
      receiptRecordedBy: n.receiptRecordedBy,
      receiptConfirmedBy: n.receiptConfirmedBy,
      deliveryFailedAt: iso(n.deliveryFailedAt),
      deliveryFailureReason: n.deliveryFailureReason,
      deliveryFailureNote: n.deliveryFailureNote,
      evidenceObjectId: n.evidenceObjectId,
      evidenceSha256: n.evidenceSha256,
    };
  }
}
