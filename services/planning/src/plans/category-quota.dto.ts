import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORY_CODE } from '@qis/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** One category of a scheme: its quota of batches and what the lab tests. */
export class CategoryQuota {
  @ApiProperty({ example: 'silk-quilt' })
  @Matches(CATEGORY_CODE)
  category!: string;

  @ApiProperty({ description: 'batches to issue in this category', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quota!: number;

  @ApiProperty({ description: "the category's risk weight, 0..1 (a factor of every listing's score)" })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0)
  @Max(1)
  riskWeight!: number;

  @ApiProperty({ description: 'unit price cap in fen; dearer listings are not selected' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  unitPriceCapFen!: number;

  @ApiProperty({ description: 'units for testing', minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  testUnits!: number;

  @ApiProperty({ description: 'backup units kept by the bureau', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100)
  backupUnits!: number;

  @ApiProperty({ type: [String], example: ['GB/T 24252-2019'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  testStandards!: string[];

  @ApiProperty({ type: [String], example: ['蚕丝含量', '质量偏差'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  testItems!: string[];

  @ApiPropertyOptional({ type: [String], description: 'candidate labs (承检机构) for the category' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  labs?: string[];
}
