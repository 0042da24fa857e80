import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A second officer's confirmation of a receipt recorded after the day it happened. */
export class ConfirmReceiptCommand {
  @ApiProperty({
    example: '2026-06-01T02:00:00.000Z',
    description:
      'the receipt instant being confirmed, as read on the proof of service (must equal the pending one)',
  })
  @Matches(UTC_TIMESTAMP, { message: 'receivedAt must be an ISO-8601 UTC instant ending in Z' })
  receivedAt!: string;

  @ApiPropertyOptional({ example: '核对邮政回执原件，签收日期一致' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note?: string;
}
