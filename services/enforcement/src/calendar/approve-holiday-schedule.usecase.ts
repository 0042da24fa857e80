import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import {
  CompletePendingDeadlinesUseCase,
  type CompletedDeadlines,
} from '../kernel/complete-pending-deadlines.usecase';
import { AlertBook } from '../kernel/alert-book';
import type { ApproveHolidayScheduleCommand } from './approve-holiday-schedule.command';
import { HolidaySchedule } from './holiday-schedule.entity';
import { lockSubmittedSchedule } from './lock-submitted-schedule';
import { missingYearSubject } from './missing-year-watch';
import { Clock } from '../kernel/clock';

export interface ApprovedSchedule {
  schedule: HolidaySchedule;
  completed: CompletedDeadlines;
}

/**
 * A second admin approves a submitted schedule: it is in force for its year at once, for every
 * instance (they read approved schedules from the database), replacing the package's and any
 * earlier approval's. In the same transaction, deadlines that waited for the year are computed and
 * the year's missing-schedule alert is resolved.
 */
@Injectable()
export class ApproveHolidayScheduleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pending: CompletePendingDeadlinesUseCase,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    year: number,
    command: ApproveHolidayScheduleCommand,
    now = this.clock.now(),
  ): Promise<ApprovedSchedule> {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await lockSubmittedSchedule(manager, actor, year, command.scheduleId);
      const superseded = (await manager.query(
        `update holiday_schedule set status = 'superseded', superseded_at = $2
          where year = $1 and status = 'approved' returning id`,
        [year, now],
      )) as [Array<{ id: string }>, number];
      Object.assign(schedule, {
        status: 'approved',
        decidedBy: actor.actor,
        decidedAt: now,
        decisionReason: command.note ?? null,
      });
      await manager.update(
        HolidaySchedule,
        { id: schedule.id },
        { status: 'approved', decidedBy: actor.actor, decidedAt: now, decisionReason: command.note ?? null },
      );
      await this.alerts.resolve(manager, 'calendar-year-missing', [missingYearSubject(year)], now);
      const completed = await this.pending.execute(manager, actor, now);
      await this.audit.record(
        actor,
        {
          action: 'holiday-schedule.approve',
          entityType: 'holiday-schedule',
          entityId: schedule.id,
          detail: {
            year,
            noticeReference: schedule.noticeReference,
            submittedBy: schedule.submittedBy,
            supersedes: superseded[0].map((r) => r.id),
            completed: { ...completed },
          },
        },
        manager,
      );
      return { schedule, completed };
    });
  }
}
