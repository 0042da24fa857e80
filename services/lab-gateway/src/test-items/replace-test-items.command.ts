import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { TestItemDto } from './test-item.dto';

/** The whole catalogue of one category (replaces the previous one). */
export class ReplaceTestItemsCommand {
  @ApiProperty({ type: [TestItemDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TestItemDto)
  items!: TestItemDto[];
}
