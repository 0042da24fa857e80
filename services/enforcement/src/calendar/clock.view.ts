import { ApiProperty } from '@nestjs/swagger';

/** Enforcement's clock: the time its legal clocks read, and how far ahead of the wall clock it runs. */
export class ClockView {
  @ApiProperty({ format: 'date-time' }) now!: string;
  @ApiProperty({ description: 'milliseconds ahead of the wall clock (0 unless moved in development/test)' })
  offsetMs!: number;
  @ApiProperty({ description: 'whether CLOCK_OVERRIDE_ENABLED lets an admin move it' }) overridable!: boolean;
}
