import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  IsISO8601,
} from 'class-validator';
import { CALENDAR_DATE, IsOmittable } from '@qis/contracts';
import { ContractCategoryDto } from './contract-category.dto';

/** A lab's entrustment contract (委托检验合同) as signed: number, term, categories, turnaround, prices. */
export class RecordContractCommand {
  @ApiProperty({ example: 'HZSJ-WT-2026-003' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  contractNumber!: string;

  @ApiProperty({ description: 'first day in force', example: '2026-01-01' })
  @Matches(CALENDAR_DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ description: 'last day in force', example: '2026-12-31' })
  @Matches(CALENDAR_DATE, { message: 'validTo must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'validTo must be a date YYYY-MM-DD' })
  validTo!: string;

  @ApiProperty({
    description:
      'the testing period (检验周期) in working days, counted from the dispatch day on the State Council schedule; a category may set its own',
    example: 10,
  })
  @IsInt()
  @Min(1)
  @Max(120)
  turnaroundWorkingDays!: number;

  @ApiProperty({ type: [ContractCategoryDto], description: 'categories the contract covers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ContractCategoryDto)
  categories!: ContractCategoryDto[];

  @ApiPropertyOptional({ description: 'evidence id of the signed contract PDF', format: 'uuid' })
  @IsOmittable()
  @IsString()
  @MaxLength(80)
  documentId?: string;
}
