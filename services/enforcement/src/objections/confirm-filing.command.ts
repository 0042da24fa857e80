import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** A second officer's confirmation of an objection filed on an earlier day than it was recorded. */
export class ConfirmFilingCommand {
  @ApiProperty({
    example: '2026-06-15T02:00:00.000Z',
    description: 'the filing instant being confirmed, as the proof shows it (must equal the pending filedAt)',
  })
  @Matches(UTC_TIMESTAMP, { message: 'filedAt must be an ISO-8601 UTC instant ending in Z' })
  filedAt!: string;

  @ApiPropertyOptional({ example: '核对邮件详情单原件，寄达日期一致' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note?: string;
}
