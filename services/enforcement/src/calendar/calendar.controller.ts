import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { ApproveHolidayScheduleCommand } from './approve-holiday-schedule.command';
import { ApproveHolidayScheduleUseCase } from './approve-holiday-schedule.usecase';
import { CalendarYearSummaryView } from './calendar-year-summary.view';
import { CalendarYearView } from './calendar-year.view';
import { CalendarQueries } from './calendar.queries';
import { HolidayScheduleApprovalView } from './holiday-schedule-approval.view';
import { HolidayScheduleView } from './holiday-schedule.view';
import { ReturnHolidayScheduleCommand } from './return-holiday-schedule.command';
import { ReturnHolidayScheduleUseCase } from './return-holiday-schedule.usecase';
import { YearPipe } from '@qis/domain';
import { SubmitHolidayScheduleCommand } from './submit-holiday-schedule.command';
import { SubmitHolidayScheduleUseCase } from './submit-holiday-schedule.usecase';

const READERS = ['admin', 'auditor', 'planner', 'approver', 'enforcement-officer'] as const;

/**
 * The working-day calendar's holiday schedules: an admin loads a year from the State Council's
 * notice, a second admin approves or returns it (four-eyes); staff who work with deadlines read it.
 */
@ApiTags('calendar')
@Controller('calendar/years')
export class CalendarController {
  constructor(
    private readonly queries: CalendarQueries,
    private readonly submitSchedule: SubmitHolidayScheduleUseCase,
    private readonly approveSchedule: ApproveHolidayScheduleUseCase,
    private readonly returnSchedule: ReturnHolidayScheduleUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['admin'] })
  @ApiOperation({
    summary:
      "Submit a year's holiday schedule (holidays and 调休上班日) from the State Council's notice; in force once a second admin approves it",
  })
  @ApiCreatedResponse({ type: HolidayScheduleView })
  @ApiConflictResponse({
    description: "a schedule of the year already awaits a second admin's approval",
  })
  @ApiUnprocessableEntityResponse({
    description: 'the schedule breaks a rule of the State Council notice: each problem with its field',
  })
  async submit(
    @CurrentActor() actor: AuditActor,
    @Body() command: SubmitHolidayScheduleCommand,
  ): Promise<HolidayScheduleView> {
    return HolidayScheduleView.of(await this.submitSchedule.execute(actor, command));
  }

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      "The calendar's years: where each year's schedule comes from (loaded, package, none) and what awaits approval",
  })
  @ApiOkResponse({ type: CalendarYearSummaryView, isArray: true })
  async listCalendarYears(): Promise<CalendarYearSummaryView[]> {
    return this.queries.years();
  }

  @Get(':year')
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      'A year: the holidays and 调休上班日 in force, the fixed-date statutory holidays (never working days, even before the year is loaded), and every submission',
  })
  @ApiOkResponse({ type: CalendarYearView })
  async getCalendarYear(@Param('year', YearPipe) year: number): Promise<CalendarYearView> {
    return this.queries.year(year);
  }

  @Post(':year/approve')
  @HttpCode(200)
  @Policy({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Approve the submitted schedule (a second admin: not the one who submitted it); in force at once, pending deadlines of the year are computed',
  })
  @ApiOkResponse({ type: HolidayScheduleApprovalView })
  async approve(
    @CurrentActor() actor: AuditActor,
    @Param('year', YearPipe) year: number,
    @Body() command: ApproveHolidayScheduleCommand,
  ): Promise<HolidayScheduleApprovalView> {
    return HolidayScheduleApprovalView.ofApproval(await this.approveSchedule.execute(actor, year, command));
  }

  @Post(':year/return')
  @HttpCode(200)
  @Policy({ roles: ['admin'] })
  @ApiOperation({
    summary: 'Return the submitted schedule with the reason (a second admin: not the one who submitted it)',
  })
  @ApiOkResponse({ type: HolidayScheduleView })
  async sendBack(
    @CurrentActor() actor: AuditActor,
    @Param('year', YearPipe) year: number,
    @Body() command: ReturnHolidayScheduleCommand,
  ): Promise<HolidayScheduleView> {
    return HolidayScheduleView.of(await this.returnSchedule.execute(actor, year, command));
  }
}
