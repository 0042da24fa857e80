import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeadLetterSummaryView } from './dead-letter-summary.view';

/** One dead letter in full: its headers and value. */
export class DeadLetterView extends DeadLetterSummaryView {
  @ApiProperty({ example: 'lab.report-issued.v1', description: 'the topic it failed on' })
  topic!: string;

  @ApiProperty({ example: 'lab.report-issued.v1.dlq' })
  deadLetterTopic!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'every header: the original ones and the dead-letter ones (original-*, failed-at, error-*)',
  })
  headers!: Record<string, string>;

  @ApiProperty({ nullable: true, type: String, description: 'the value as UTF-8 text' })
  value!: string | null;

  @ApiPropertyOptional({
    description:
      'the value parsed, when it is JSON: any JSON value (object, array, string, number, boolean or null)',
    nullable: true,
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
    ],
  })
  json?: unknown;
}
