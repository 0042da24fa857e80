import { ApiProperty } from '@nestjs/swagger';
import type { ApprovedSchedule } from './approve-holiday-schedule.usecase';
import { HolidayScheduleView } from './holiday-schedule.view';

/** The approved schedule, and the deadlines that waited for its year and were computed on approval. */
export class HolidayScheduleApprovalView extends HolidayScheduleView {
  @ApiProperty({ description: 'result notices whose pending due date was set' })
  resultNoticeDueDatesSet!: number;

  @ApiProperty({ description: 'batches whose objection-period end became known' })
  objectionWindowsArmed!: number;

  @ApiProperty({ description: 'approved re-inspections whose 7-day procedures period got its end' })
  proceduresPeriodsSet!: number;

  static ofApproval({ schedule, completed }: ApprovedSchedule): HolidayScheduleApprovalView {
    return {
      ...HolidayScheduleView.of(schedule),
      resultNoticeDueDatesSet: completed.resultNotices,
      objectionWindowsArmed: completed.objectionWindows,
      proceduresPeriodsSet: completed.proceduresPeriods,
    };
  }
}
