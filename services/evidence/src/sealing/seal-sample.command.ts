import { ApiProperty } from '@nestjs/swagger';
import { CATEGORY_CODE, SealedSample } from '@qis/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Signature } from './signature';

export class SealSampleCommand {
  @ApiProperty({ example: 'silk-quilt' })
  @Matches(CATEGORY_CODE, { message: 'category must be a kebab-case category code such as silk-quilt' })
  category!: string;

  @ApiProperty({ type: SealedSample, description: '检验用样品: goes to the lab' })
  @ValidateNested()
  @Type(() => SealedSample)
  testSample!: SealedSample;

  @ApiProperty({ type: SealedSample, description: '备份样品: kept by the bureau' })
  @ValidateNested()
  @Type(() => SealedSample)
  backupSample!: SealedSample;

  @ApiProperty({ example: '市局样品室 A-03-2' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  backupStorageLocation!: string;

  @ApiProperty({
    type: [Signature],
    description: 'at least two enforcement officers and two lab staff, all present at unpacking',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => Signature)
  signatures!: Signature[];
}
