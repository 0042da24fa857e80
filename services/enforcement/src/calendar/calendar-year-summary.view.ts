import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CALENDAR_SOURCES } from './calendar-year.view';

/** One line of the calendar's years: where the year's schedule comes from, and what awaits approval. */
export class CalendarYearSummaryView {
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ enum: CALENDAR_SOURCES }) source!: (typeof CALENDAR_SOURCES)[number];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) approvedScheduleId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) approvedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'a submission awaiting a second admin',
  })
  pendingScheduleId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) pendingSubmittedBy!: string | null;
}
