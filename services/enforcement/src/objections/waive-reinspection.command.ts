import { ApiProperty } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsString, Length, Matches } from 'class-validator';

/** The applicant's written declaration that they give up the approved re-inspection (放弃复检). */
export class WaiveReinspectionCommand {
  @ApiProperty({ example: '2026-06-18T02:00:00.000Z', description: 'when the applicant declared it' })
  @Matches(UTC_TIMESTAMP, { message: 'declaredAt must be an ISO-8601 UTC instant ending in Z' })
  declaredAt!: string;

  @ApiProperty({ example: '申请人书面声明放弃复检' })
  @IsString({ message: 'reason must be a text' })
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
