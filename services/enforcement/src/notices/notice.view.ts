import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_CHANNELS, NOTICE_RECIPIENTS } from '@qis/contracts';
import type { Notice } from './notice.entity';

/** A notice with its text and delivery record. */
export class NoticeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() batchNumber!: string;
  @ApiProperty({ enum: ['sampling', 'result', 'reinspection-result'] }) kind!: string;
  @ApiProperty({ enum: NOTICE_RECIPIENTS }) recipient!: string;
  @ApiProperty() recipientName!: string;
  @ApiPropertyOptional({ nullable: true }) address!: string | null;
  @ApiProperty({ enum: NOTICE_CHANNELS }) channel!: string;
  @ApiProperty({ example: 'JG2026-000456' }) noticeNumber!: string;
  @ApiPropertyOptional({ nullable: true }) reportNumber!: string | null;
  @ApiProperty({ description: 'the notice text (Chinese)' }) content!: string;
  @ApiPropertyOptional({
    nullable: true,
    format: 'date-time',
    description: 'end of the 5th working day after the report (Asia/Shanghai)',
  })
  dueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) sentAt!: string | null;
  @ApiPropertyOptional({ nullable: true, format: 'date-time' }) receivedAt!: string | null;

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
      dueAt: n.dueAt?.toISOString() ?? null,
      sentAt: n.sentAt?.toISOString() ?? null,
      receivedAt: n.receivedAt?.toISOString() ?? null,
    };
  }
}
