import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterReasonView } from './dead-letter-reason.view';

/** A dead letter as the list shows it: where it is, what failed and why. */
export class DeadLetterSummaryView {
  @ApiProperty({
    example: '1:42',
    description: '`<partition>:<offset>` in the dead-letter topic, as replay takes it',
  })
  position!: string;

  @ApiProperty({ example: 1 })
  partition!: number;

  @ApiProperty({ example: '42', description: 'a Kafka offset (int64, as a string)' })
  offset!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'HZ2026-000123',
    description: 'the message key: the batch',
  })
  key!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  messageId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'lab.report-issued' })
  type!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  failedAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'the consumer group that failed on it' })
  consumerGroup!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'poison',
    description: '`poison` or `handler-failed`',
  })
  errorKind!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'value fails validation' })
  errorMessage!: string | null;

  @ApiProperty({ type: [DeadLetterReasonView], description: 'each invalid field and why (poison)' })
  reasons!: DeadLetterReasonView[];

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'handler attempts before it was dead-lettered (0: poison)',
  })
  attempts!: number | null;

  @ApiProperty({ description: 'replays before this letter was written' })
  replayCount!: number;

  @ApiProperty({
    description: "applied since by this service's consumer group (a replay succeeded): nothing left to do",
  })
  applied!: boolean;
}
