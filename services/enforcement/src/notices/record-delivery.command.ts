import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsOptional, Matches } from 'class-validator';

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

  @ApiProperty({ example: '2026-06-01T02:00:00.000Z', description: 'when it was sent (UTC)' })
  @Matches(UTC_TIMESTAMP, { message: 'sentAt must be an ISO-8601 UTC instant ending in Z' })
  sentAt!: string;

  @ApiPropertyOptional({
    example: '2026-06-02T05:00:00.000Z',
    description: 'when it was received (proof of service): the objection clock starts here',
  })
  @IsOptional()
  @Matches(UTC_TIMESTAMP, { message: 'receivedAt must be an ISO-8601 UTC instant ending in Z' })
  receivedAt?: string;
}
