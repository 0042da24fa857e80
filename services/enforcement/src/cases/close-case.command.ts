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
} from 'class-validator';

/** How a case ended; a penalty names its amount. */
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}
