import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_OUTCOMES, type CaseOutcome } from '@qis/contracts';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RuleAcrossFields } from '@qis/contracts';

const WITHOUT_PENALTY = CASE_OUTCOMES.filter((outcome) => outcome !== 'penalty');

/** How a case ended; a penalty names its amount. */
@RuleAcrossFields({
  oneOf: [
    {
      description: 'outcomes without a penalty: no amount, no decision number',
      properties: { outcomes: { items: { enum: WITHOUT_PENALTY } } },
      not: { anyOf: [{ required: ['penaltyFen'] }, { required: ['penaltyDecisionNumber'] }] },
    },
    {
      description: 'a penalty among the outcomes: its amount',
      required: ['penaltyFen'],
      not: { properties: { outcomes: { items: { enum: WITHOUT_PENALTY } } } },
    },
  ],
})
export class CloseCaseCommand {
  @ApiProperty({ enum: CASE_OUTCOMES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn([...CASE_OUTCOMES], { each: true })
  outcomes!: CaseOutcome[];

  @ApiPropertyOptional({ description: 'fine in fen (分), required with a penalty' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  penaltyFen?: number;

  @ApiPropertyOptional({
    description: 'penalty decision number (处罚决定书文号), only with a penalty',
    example: '杭滨市监处罚〔2026〕18号',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  penaltyDecisionNumber?: string;

  @ApiPropertyOptional({
    description: 'the provisions the outcome rests on (法律依据)',
    example: '《中华人民共和国产品质量法》第五十条',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  legalBasis?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}
