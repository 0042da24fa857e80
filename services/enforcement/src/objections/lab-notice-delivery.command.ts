import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LAB_NOTICE_CHANNELS, type LabNoticeChannel } from '../notices/reinspection-lab-notice.entity';

/** The delivery record of a 《复检机构确定通知书》: how and when it was sent, when and by whom received. */
export class LabNoticeDeliveryCommand {
  @ApiProperty({ enum: LAB_NOTICE_CHANNELS })
  @IsIn([...LAB_NOTICE_CHANNELS])
  channel!: LabNoticeChannel;

  @ApiProperty({
    example: '2026-06-01T02:00:00.000Z',
    description: "when it was sent (UTC): not before the notice was issued, not after enforcement's clock",
  })
  @Matches(UTC_TIMESTAMP, { message: 'sentAt must be an ISO-8601 UTC instant ending in Z' })
  sentAt!: string;

  @ApiPropertyOptional({
    example: '2026-06-02T05:00:00.000Z',
    description:
      "when the recipient received it (proof of service): the applicant's receipt starts the 7 days for the re-inspection procedures. Not after enforcement's clock; on an earlier day (Asia/Shanghai) than today it needs receiptReason and a second officer's confirmation",
  })
  @IsOptional()
  @Matches(UTC_TIMESTAMP, { message: 'receivedAt must be an ISO-8601 UTC instant ending in Z' })
  receivedAt?: string;

  @ApiPropertyOptional({
    example: '李明（经营者委托代理人）',
    description: 'who signed for it (签收人): required with receivedAt',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  receivedBy?: string;

  @ApiPropertyOptional({
    example: '邮政EMS回执 EA123456789CN，签收日期 2026-06-01',
    description:
      'required when receivedAt lies on an earlier day than today: the proof of service it rests on; the receipt then waits for a second officer',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  receiptReason?: string;
}
