import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CODE, EXTERNAL_ID, SAMPLE_ROLES, type SampleRole } from '@qis/contracts';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const HAND_OVER_DIRECTIONS = ['to-lab', 'from-lab'] as const;

/** A sealed sample changing hands: sent to a lab, or coming back from one. */
export class HandOverCommand {
  @ApiProperty({ enum: SAMPLE_ROLES })
  @IsIn(SAMPLE_ROLES)
  sample!: SampleRole;

  @ApiProperty({ enum: HAND_OVER_DIRECTIONS })
  @IsIn(HAND_OVER_DIRECTIONS)
  direction!: (typeof HAND_OVER_DIRECTIONS)[number];

  @ApiProperty({ example: 'L001' })
  @Matches(EXTERNAL_ID, { message: 'labId must be the lab identifier' })
  labId!: string;

  @ApiProperty({ description: 'who received or returned it for the lab' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  counterpart!: string;

  @ApiProperty({ description: 'the seal number read on the strip; must match the recorded one' })
  @Matches(DOCUMENT_CODE, { message: 'sealNumber must be a seal number such as FY2026-004561' })
  sealNumber!: string;

  @ApiProperty()
  @IsBoolean()
  sealIntact!: boolean;
}
