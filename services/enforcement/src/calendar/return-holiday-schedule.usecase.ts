import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { HolidaySchedule } from './holiday-schedule.entity';
import { lockSubmittedSchedule } from './lock-submitted-schedule';
import type { ReturnHolidayScheduleCommand } from './return-holiday-schedule.command';
import { Clock } from '../kernel/clock';

/** A second admin sends a submitted schedule back with the reason; a corrected one may then be submitted. */
@Injectable()
export class ReturnHolidayScheduleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    year: number,
    command: ReturnHolidayScheduleCommand,
    now = this.clock.now(),
  ): Promise<HolidaySchedule> {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await lockSubmittedSchedule(manager, actor, year, command.scheduleId);
      Object.assign(schedule, {
        status: 'returned',
        decidedBy: actor.actor,
        decidedAt: now,
        decisionReason: command.reason,
      });
      await manager.update(
        HolidaySchedule,
        { id: schedule.id },
        { status: 'returned', decidedBy: actor.actor, decidedAt: now, decisionReason: command.reason },
      );
      await this.audit.record(
        actor,
        {
          action: 'holiday-schedule.return',
          entityType: 'holiday-schedule',
          entityId: schedule.id,
          detail: { year, submittedBy: schedule.submittedBy, reason: command.reason },
        },
        manager,
      );
      return schedule;
    });
  }
}
