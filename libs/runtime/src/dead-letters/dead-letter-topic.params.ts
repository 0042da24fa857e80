import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class DeadLetterTopicParams {
  @ApiProperty({
    example: 'lab.report-issued.v1',
    description: 'the topic the letters failed on (no prefix, no .dlq)',
  })
  @Matches(/^[a-z0-9][a-z0-9.-]{0,200}$/, {
    message: 'topic must be a topic name such as lab.report-issued.v1',
  })
  topic!: string;
}
