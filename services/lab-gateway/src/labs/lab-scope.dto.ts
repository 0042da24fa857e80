import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CATEGORY_CODE } from '@qis/contracts';

export class LabScopeDto {
  @ApiProperty({ example: 'silk-quilt' })
  @Matches(CATEGORY_CODE)
  category!: string;

  @ApiProperty({
    description: 'standards the lab may apply in this category; empty means any',
    example: ['GB/T 24252-2019'],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  standards!: string[];
}
