import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOLIDAY_SCHEDULE_STATUSES, type HolidaySchedule } from './holiday-schedule.entity';
import { HolidayPeriodView } from './holiday-period.view';

/** One submission of a year's schedule and what became of it. */
export class HolidayScheduleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 2027 }) year!: number;
  @ApiProperty({ enum: HOLIDAY_SCHEDULE_STATUSES }) status!: string;
  @ApiProperty({ example: '国办发明电〔2026〕7号' }) noticeReference!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) noticeUrl!: string | null;
  @ApiProperty({ type: HolidayPeriodView, isArray: true }) holidays!: HolidayPeriodView[];
  @ApiProperty({ type: String, isArray: true, description: '调休上班日' }) adjustedWorkingDays!: string[];
  @ApiProperty({ description: 'the admin who loaded it' }) submittedBy!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'the second admin who approved or returned it',
  })
  decidedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) decidedAt!: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'why it was returned, or the approval note',
  })
  decisionReason!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time' }) supersededAt!: string | null;

  static of(s: HolidaySchedule): HolidayScheduleView {
    return {
      id: s.id,
      year: s.year,
      status: s.status,
      noticeReference: s.noticeReference,
      noticeUrl: s.noticeUrl,
      holidays: s.holidays.map((p) => ({ name: p.name, dates: [...p.dates] })),
      adjustedWorkingDays: [...s.adjustedWorkingDays],
      submittedBy: s.submittedBy,
      submittedAt: s.submittedAt.toISOString(),
      decidedBy: s.decidedBy,
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decisionReason: s.decisionReason,
      supersededAt: s.supersededAt?.toISOString() ?? null,
    };
  }
}
