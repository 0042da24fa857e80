import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, IsISO8601 } from 'class-validator';
import { CALENDAR_DATE } from '@qis/contracts';

/** Ends a contract before its term: no sample is drawn to the lab under it after `endedOn`. */
export class EndContractCommand {
  @ApiProperty({ description: 'last day in force', example: '2026-12-15' })
  @Matches(CALENDAR_DATE, { message: 'endedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endedOn must be a date YYYY-MM-DD' })
  endedOn!: string;

  @ApiProperty({ example: '承检机构资质暂停，双方协商解除合同' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
