import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import { CalendarYearUnknownError, type WorkingDayCalendar } from '@qis/domain';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import type { DeadlineHandler } from '../kernel/deadline-handler';
import { DeadlineBook } from '../kernel/deadline-book';
import type { Deadline } from '../kernel/deadline.entity';
import { ResultFinality } from '../kernel/result-finality';
import { Objection } from './objection.entity';
import { proceduresCompleteBy } from './procedures-period';

/**
 * The 7 days to complete re-inspection procedures after the applicant's receipt of the
 * 《复检机构确定通知书》: when they pass with the re-inspection still approved, it is waived and the
 * first result may become final; when they waited for a year's holiday schedule, their end once the
 * calendar knows the year.
 */
@Injectable()
export class ReinspectionProceduresDeadline implements DeadlineHandler {
  readonly kind = 'reinspection-procedures';

  constructor(
    private readonly finality: ResultFinality,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
  ) {}

  async onDue(manager: EntityManager, deadline: Deadline, now: Date): Promise<string> {
    const objection = await manager.findOneByOrFail(Objection, { id: deadline.subjectId });
    if (objection.status !== 'approved') return objection.status;
    objection.status = 'waived';
    await manager.save(Objection, objection);
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'objection.waive',
        entityType: 'objection',
        entityId: objection.id,
        detail: {
          batchNumber: objection.batchNumber,
          completeBy: deadline.dueAt.toISOString(),
          reason: 'procedures not completed within 7 days of the lab notice',
        },
      },
      manager,
    );
    await this.finality.execute(manager, objection.batchNumber, now);
    return 'waived';
  }

  async completePending(
    manager: EntityManager,
    calendar: WorkingDayCalendar,
    actor: AuditActor,
    now: Date,
  ): Promise<number> {
    let proceduresPeriods = 0;
    const approved = (await manager.query(
      `select id, batch_number, lab_notice_received_at from objection
        where status = 'approved' and lab_notice_received_at is not null and complete_by is null`,
    )) as Array<{ id: string; batch_number: string; lab_notice_received_at: Date }>;
    for (const objection of approved) {
      let completeBy: Date;
      try {
        completeBy = proceduresCompleteBy(calendar, objection.lab_notice_received_at);
      } catch (error) {
        if (error instanceof CalendarYearUnknownError) continue;
        throw error;
      }
      const [, updated] = (await manager.query(
        `update objection set complete_by = $2 where id = $1 and complete_by is null`,
        [objection.id, completeBy],
      )) as [unknown, number];
      if (updated === 0) continue;
      await this.deadlines.reschedule(
        manager,
        'reinspection-procedures',
        objection.id,
        objection.batch_number,
        completeBy,
      );
      await this.alerts.resolve(manager, 'calendar-year-unknown', [`${objection.id}/procedures`], now);
      await this.audit.record(
        actor,
        {
          action: 'objection.complete-by-set',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batch_number,
            completeBy: completeBy.toISOString(),
            reason: 'the holiday schedule of the year it reaches is now known',
          },
        },
        manager,
      );
      proceduresPeriods += 1;
    }
    return proceduresPeriods;
  }
}
