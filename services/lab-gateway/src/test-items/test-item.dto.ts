import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';

export class TestItemDto {
  @ApiProperty({ example: '蚕丝含量' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  item!: string;

  @ApiProperty({ description: 'every report of the category must carry it', example: true })
  @IsBoolean()
  mandatory!: boolean;
}
