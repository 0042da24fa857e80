import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALENDAR_DATE, VERDICTS, type Verdict } from '@qis/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/**
 * A correction of a published result (更正): the public fields that change, and why (shown on the
 * public page). Fields left out keep their value.
 */
export class CorrectPublicationCommand {
  @ApiProperty({ description: 'why the result is corrected; published with it', example: '生产日期录入错误' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) sellerName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) sampleName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) claimedBrand?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) claimedProducer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) specModel?: string;

  @ApiPropertyOptional({ example: '2025-11-02' })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'productionDate must be a date YYYY-MM-DD' })
  productionDate?: string;

  @ApiPropertyOptional({ type: String, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  mainNonconformingItems?: string[];

  @ApiPropertyOptional({ enum: VERDICTS })
  @IsOptional()
  @IsIn([...VERDICTS])
  verdict?: Verdict;

  @ApiPropertyOptional({ description: '第三方交易平台经营者名称' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  platformName?: string;
}
