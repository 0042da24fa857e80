import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterSummaryView } from './dead-letter-summary.view';

export class DeadLetterTopicView {
  @ApiProperty({ example: 'lab.report-issued.v1', description: 'a topic this service consumes' })
  topic!: string;

  @ApiProperty({
    example: 'lab.report-issued.v1.dlq',
    description: 'its dead-letter topic (with the prefix)',
  })
  deadLetterTopic!: string;

  @ApiProperty({ description: "this service's letters in it" })
  count!: number;

  @ApiProperty({ description: 'of those, not applied since (what is left to fix)' })
  pending!: number;

  @ApiProperty({ type: [DeadLetterSummaryView], description: 'in partition and offset order' })
  letters!: DeadLetterSummaryView[];
}
