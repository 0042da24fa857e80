import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DELIVERY_FAILURE_REASONS, type DeliveryFailureReason } from './notice.entity';

const SENT_CHANNELS = ['post', 'email', 'platform-message', 'in-person'] as const;

/** A delivery that failed: refused (拒收), address unknown (地址不详), returned (退回). */
export class RecordDeliveryFailureCommand {
  @ApiProperty({ enum: DELIVERY_FAILURE_REASONS })
  @IsIn([...DELIVERY_FAILURE_REASONS])
  reason!: DeliveryFailureReason;

  @ApiPropertyOptional({
    enum: SENT_CHANNELS,
    description: 'how it was tried; defaults to the channel the notice was issued for',
  })
  @IsOptional()
  @IsIn([...SENT_CHANNELS])
  channel?: (typeof SENT_CHANNELS)[number];

  @ApiPropertyOptional({
    example: '2026-06-01T02:00:00.000Z',
    description:
      "when it was sent (UTC), if it was: required for refused and returned; not before the notice's issuedAt",
  })
  @IsOptional()
  @Matches(UTC_TIMESTAMP, { message: 'sentAt must be an ISO-8601 UTC instant ending in Z' })
  sentAt?: string;

  @ApiProperty({
    example: '2026-06-03T02:00:00.000Z',
    description: "when the failure became known (UTC): not before sentAt, not after enforcement's clock",
  })
  @Matches(UTC_TIMESTAMP, { message: 'failedAt must be an ISO-8601 UTC instant ending in Z' })
  failedAt!: string;

  @ApiPropertyOptional({ example: '邮政EMS退回，批注“查无此人”' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note?: string;
}
