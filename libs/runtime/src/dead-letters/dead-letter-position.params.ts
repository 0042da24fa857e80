import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { DeadLetterTopicParams } from './dead-letter-topic.params';

export class DeadLetterPositionParams extends DeadLetterTopicParams {
  @ApiProperty({ example: 1, description: 'partition in the dead-letter topic' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(99_999)
  partition!: number;

  @ApiProperty({ example: '42', description: 'offset in the dead-letter topic' })
  @Matches(/^\d{1,19}$/, { message: 'offset must be a non-negative integer' })
  offset!: string;
}
