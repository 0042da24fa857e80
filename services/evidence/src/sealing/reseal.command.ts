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
import { UTC_TIMESTAMP } from '@qis/contracts';
import { RESEAL_ROLES, type ResealRole } from './reseal-parties';

/** A signature on the new seal strip: who, in which capacity, when. */
export class ResealSignature {
  @ApiProperty({ enum: RESEAL_ROLES })
  @IsIn(RESEAL_ROLES)
  role!: ResealRole;

  @ApiProperty({ example: '王明' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '2026-04-01T02:00:00Z' })
  @Matches(UTC_TIMESTAMP, { message: 'signedAt must be a UTC ISO-8601 timestamp ending in Z' })
  signedAt!: string;
}

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
    type: [ResealSignature],
    example: [
      { role: 'applicant', name: '杭州某某家纺有限公司', signedAt: '2026-04-01T02:00:00Z' },
      { role: 'original-lab', name: '李强', signedAt: '2026-04-01T02:00:00Z' },
      { role: 'reinspection-lab', name: '赵敏', signedAt: '2026-04-01T02:00:00Z' },
      { role: 'enforcement-officer', name: '王明', signedAt: '2026-04-01T02:00:00Z' },
    ],
    description:
      'the re-inspection applicant, the original lab, the re-inspection lab and at least one enforcement officer (复检封样)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ResealSignature)
  signatures!: ResealSignature[];
}
