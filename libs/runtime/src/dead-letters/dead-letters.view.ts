import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterTopicView } from './dead-letter-topic.view';

export class DeadLettersView {
  @ApiProperty({ example: 'enforcement' })
  service!: string;

  @ApiProperty({
    example: 'qis-enforcement',
    description: "this service's consumer group: only its letters are listed",
  })
  consumerGroup!: string;

  @ApiProperty({ description: 'letters over all topics' })
  count!: number;

  @ApiProperty({ description: 'letters not applied since' })
  pending!: number;

  @ApiProperty({
    type: [DeadLetterTopicView],
    description: 'every topic this service consumes, in name order',
  })
  topics!: DeadLetterTopicView[];
}
