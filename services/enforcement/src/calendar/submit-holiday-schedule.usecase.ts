import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource, QueryFailedError } from 'typeorm';
import { conflict } from '@qis/domain';
import { scheduleProblems, scheduleRefused } from './holiday-schedule-rules';
import { HolidaySchedule } from './holiday-schedule.entity';
import type { SubmitHolidayScheduleCommand } from './submit-holiday-schedule.command';
import { Clock } from '../kernel/clock';

/**
 * An admin loads a year's schedule from the State Council's notice. It takes effect only once a
 * second admin approves it; one submission per year awaits approval at a time.
 */
@Injectable()
export class SubmitHolidayScheduleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    command: SubmitHolidayScheduleCommand,
    now = this.clock.now(),
  ): Promise<HolidaySchedule> {
    const problems = scheduleProblems(command);
    if (problems.length > 0) throw scheduleRefused(problems);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const pending = await manager.findOneBy(HolidaySchedule, { year: command.year, status: 'submitted' });
        if (pending) throw awaitingApproval(pending);
        const schedule = manager.create(HolidaySchedule, {
          id: randomUUID(),
          year: command.year,
          status: 'submitted',
          noticeReference: command.noticeReference,
          noticeUrl: command.noticeUrl ?? null,
          holidays: command.holidays.map((p) => ({ name: p.name, dates: [...p.dates].sort() })),
          adjustedWorkingDays: [...command.adjustedWorkingDays].sort(),
          submittedBy: actor.actor,
          submittedAt: now,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
          supersededAt: null,
        });
        await manager.insert(HolidaySchedule, schedule);
        await this.audit.record(
          actor,
          {
            action: 'holiday-schedule.submit',
            entityType: 'holiday-schedule',
            entityId: schedule.id,
            detail: {
              year: schedule.year,
              noticeReference: schedule.noticeReference,
              holidays: schedule.holidays,
              adjustedWorkingDays: schedule.adjustedWorkingDays,
            },
          },
          manager,
        );
        return schedule;
      });
    } catch (error) {
      // Two admins submitting the same year at once: the partial unique index lets one through.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        const pending = await this.dataSource.manager.findOneBy(HolidaySchedule, {
          year: command.year,
          status: 'submitted',
        });
        if (pending) throw awaitingApproval(pending);
      }
      throw error;
    }
  }
}

const awaitingApproval = (pending: HolidaySchedule): Error =>
  conflict(
    `the ${pending.year} holiday schedule ${pending.id} submitted by ${pending.submittedBy} awaits approval: ` +
      `a second admin approves or returns it before another is submitted`,
  );
