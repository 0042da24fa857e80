import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOmittable, type Verdict, VERDICTS } from '@qis/contracts';

/** One test item of a report with its own verdict (单项判定). */
export class ReportItemDto {
  @ApiProperty({ description: 'test item (检验项目) from the category catalogue', example: '蚕丝含量' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  item!: string;

  @ApiProperty({ description: 'standard and clause (method) applied', example: 'GB/T 24252-2019 5.2' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  standard!: string;

  @ApiProperty({ description: 'the requirement', example: '≥ 100.0' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requirement!: string;

  @ApiProperty({ description: 'measured value, as reported', example: '62.3' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  measuredValue!: string;

  @ApiPropertyOptional({ example: '%' })
  @IsOmittable()
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  unit?: string;

  @ApiProperty({ enum: VERDICTS, example: 'fail' })
  @IsIn([...VERDICTS])
  verdict!: Verdict;
}
