import { ApiProperty } from '@nestjs/swagger';
import { UTC_TIMESTAMP } from '@qis/contracts';
import { Matches } from 'class-validator';

export class ExtendRetentionCommand {
  @ApiProperty({
    description: 'new retain-until, UTC; only later than the current one',
    example: '2030-01-01T00:00:00Z',
  })
  @Matches(UTC_TIMESTAMP, { message: 'retainUntil must be a UTC ISO-8601 timestamp ending in Z' })
  retainUntil!: string;
}
