import { ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_CODE, CATEGORY_CODE, VERDICTS, type Verdict } from '@qis/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PERIOD } from './period';

/** Filters of the public result list, its exports and the statistics. */
export class ResultFilterQuery {
  @ApiPropertyOptional({ description: 'free text: seller, sample, brand, producer, model, platform, items' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'category code', example: 'silk-quilt' })
  @IsOptional()
  @Matches(CATEGORY_CODE, { message: 'category must be a category code such as silk-quilt' })
  category?: string;

  @ApiPropertyOptional({ description: 'platform name as published (淘宝); `none` for own websites' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  platform?: string;

  @ApiPropertyOptional({
    description:
      "GB/T 2260 code of the seller's region: a province (330000), city (330100) or district (330106)",
  })
  @IsOptional()
  @Matches(AREA_CODE, { message: 'region must be a six-digit GB/T 2260 area code' })
  region?: string;

  @ApiPropertyOptional({ enum: VERDICTS })
  @IsOptional()
  @IsIn([...VERDICTS])
  verdict?: Verdict;

  @ApiPropertyOptional({ description: 'year 2026, quarter 2026-Q2 or month 2026-04 of the final result' })
  @IsOptional()
  @Matches(PERIOD, { message: 'period must be a year (2026), a quarter (2026-Q2) or a month (2026-04)' })
  period?: string;
}
