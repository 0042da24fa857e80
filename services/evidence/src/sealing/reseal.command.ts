import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_CODE, SAMPLE_ROLES, type SampleRole } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Signature } from './signature';

/** Re-sealing for a re-inspection (复检): the sample gets a new seal, signed again. */
export class ResealCommand {
  @ApiProperty({ enum: SAMPLE_ROLES })
  @IsIn(SAMPLE_ROLES)
  sample!: SampleRole;

  @ApiProperty()
  @Matches(DOCUMENT_CODE, { message: 'newSealNumber must be a seal number such as FY2026-004561' })
  newSealNumber!: string;

  @ApiProperty({ example: '复检' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason!: string;

  @ApiProperty({
    type: [Signature],
    description: 'at least one enforcement officer; the applicant and labs as present',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => Signature)
  signatures!: Signature[];
}
