import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { SampleDispatchedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { endOfShanghaiDay, shanghaiDate } from '../calendar/shanghai-time';
import { CalendarSource } from '../calendar/calendar-source';
import { AlertBook } from '../deadlines/alert-book';
import { DeadlineBook } from '../deadlines/deadline-book';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';
import { Objection } from './objection.entity';

/**
 * lab-gateway drew the re-inspection lab (`sample-dispatched`, purpose re-inspection): the
 * applicant is told the lab, and the 7 days to complete the procedures start that day. A redraw
 * (the lab declined) names a new lab and starts them again, while procedures are not complete.
 */
@Injectable()
export class RecordReinspectionLabUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
  ) {}

  async execute(manager: EntityManager, dispatch: SampleDispatchedValue, messageId: string): Promise<void> {
    if (dispatch.purpose !== 're-inspection') return;
    const awaiting = await manager.find(Objection, {
      where: { batchNumber: dispatch.batchNumber, status: 'approved' },
      lock: { mode: 'pessimistic_write' },
    });
    const dispatchedAt = new Date(dispatch.dispatchedAt);
    const calendar = await this.calendars.current(manager);
    for (const objection of awaiting) {
      if (objection.labNotifiedAt && objection.labNotifiedAt >= dispatchedAt) continue;
      const completeBy = await this.alerts.withCalendar(
        manager,
        {
          batchNumber: objection.batchNumber,
          subjectType: 'objection',
          subjectId: `${objection.id}/procedures`,
          what: `the 7-day procedures period of the re-inspection (lab known on ${shanghaiDate(dispatchedAt)})`,
        },
        () => endOfShanghaiDay(calendar.lastDayOfPeriod(shanghaiDate(dispatchedAt), PROCEDURES_PERIOD_DAYS)),
      );
      objection.reinspectionLabId = dispatch.labId;
      objection.reinspectionLabName = dispatch.labName;
      objection.labNotifiedAt = dispatchedAt;
      objection.completeBy = completeBy;
      await manager.save(Objection, objection);
      if (completeBy)
        await this.deadlines.reschedule(
          manager,
          'reinspection-procedures',
          objection.id,
          objection.batchNumber,
          completeBy,
        );
      await this.audit.record(
        SYSTEM_ACTOR,
        {
          action: 'objection.lab-known',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batchNumber,
            labId: dispatch.labId,
            labName: dispatch.labName,
            dispatchedAt: dispatch.dispatchedAt,
            completeBy: completeBy?.toISOString() ?? null,
            messageId,
          },
        },
        manager,
      );
    }
  }
}
