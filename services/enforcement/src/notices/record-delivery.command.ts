import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const DELIVERY_CHANNELS = ['post', 'email', 'platform-message', 'in-person'] as const;

/** A delivery record of a notice: how and when it was sent, and when the recipient received it. */
export class RecordDeliveryCommand {
  @ApiPropertyOptional({
    enum: DELIVERY_CHANNELS,
    description: 'defaults to the channel the notice was issued for',
  })
  @IsOptional()
  @IsIn([...DELIVERY_CHANNELS])
  channel?: (typeof DELIVERY_CHANNELS)[number];

  @ApiProperty({
    example: '2026-06-01T02:00:00.000Z',
    description: "when it was sent (UTC): not before the notice's issuedAt, not after enforcement's clock",
  })
  @Matches(UTC_TIMESTAMP, { message: 'sentAt must be an ISO-8601 UTC instant ending in Z' })
  sentAt!: string;

  @ApiPropertyOptional({
    example: '2026-06-02T05:00:00.000Z',
    description:
      "when it was received (proof of service): the objection clock starts here. Not after enforcement's clock; on an earlier day (Asia/Shanghai) than today it needs receiptReason and a second officer's confirmation",
  })
  @IsOptional()
  @Matches(UTC_TIMESTAMP, { message: 'receivedAt must be an ISO-8601 UTC instant ending in Z' })
  receivedAt?: string;

  @ApiPropertyOptional({
    example: '邮政EMS回执 EA123456789CN，签收日期 2026-06-01',
    description:
      'required when receivedAt lies on an earlier day than today: the proof of service it rests on (return receipt, signed acknowledgement); the receipt then waits for a second officer',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  receiptReason?: string;
}
