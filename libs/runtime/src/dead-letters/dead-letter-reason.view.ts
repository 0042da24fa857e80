import { ApiProperty } from '@nestjs/swagger';

export class DeadLetterReasonView {
  @ApiProperty({ example: 'reportedAt', description: 'the field (`(value)` for the whole message)' })
  field!: string;

  @ApiProperty({ type: [String], example: ['reportedAt must be a valid ISO 8601 date string'] })
  reasons!: string[];
}
