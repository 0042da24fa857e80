import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** How far to move enforcement's clock forward (development and test only). */
export class AdvanceClockCommand {
  @ApiProperty({ example: 1_296_000_000, description: 'milliseconds to add (at most 400 days)' })
  @IsInt({ message: 'byMs must be an integer number of milliseconds' })
  @Min(1, { message: 'byMs must be at least 1: the clock only runs forward' })
  @Max(400 * 86_400_000, { message: 'byMs must be at most 400 days' })
  byMs!: number;
}
