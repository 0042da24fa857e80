import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The approver's decision (分管负责人审批) on an objection. */
export class DecideObjectionCommand {
  @ApiProperty({ description: 'true: re-inspect; false: refuse the re-inspection' })
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ example: '申请材料齐全，同意复检' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({
    description: 'when the decision was signed, if earlier than now (UTC); the 7 days run from it',
  })
  @IsOptional()
  @Matches(UTC_TIMESTAMP, { message: 'decidedAt must be an ISO-8601 UTC instant ending in Z' })
  decidedAt?: string;
}
