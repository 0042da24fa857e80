import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { MATERIAL_ITEMS, type MaterialItem } from './objection-materials';

/** An item of the applicant's materials received after the objection was registered. */
export class RecordMaterialCommand {
  @ApiProperty({ enum: MATERIAL_ITEMS, example: 'proofOfStanding' })
  @IsIn([...MATERIAL_ITEMS])
  item!: MaterialItem;

  @ApiProperty({
    example: '2026-06-17T02:00:00.000Z',
    description: "when the bureau received it (UTC): not before the filing, not after enforcement's clock",
  })
  @Matches(UTC_TIMESTAMP, { message: 'receivedAt must be an ISO-8601 UTC instant ending in Z' })
  receivedAt!: string;

  @ApiPropertyOptional({ example: '申请人补交营业执照复印件（加盖公章）' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  note?: string;
}
