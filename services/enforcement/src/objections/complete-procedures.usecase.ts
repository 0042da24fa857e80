import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { DeadlineBook } from '../kernel/deadline-book';
import { notInFuture } from '../http/domain-errors';
import { conflict, unprocessable } from '@qis/domain';
import type { CompleteProceduresCommand } from './complete-procedures.command';
import { lockObjection } from './lock-objection';
import { Objection } from './objection.entity';
import { Clock } from '../kernel/clock';

/** Procedures completed within the 7 days of the applicant's receipt of the 《复检机构确定通知书》: the re-inspection goes ahead (no waiver). */
@Injectable()
export class CompleteProceduresUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    id: string,
    command: CompleteProceduresCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    const completedAt = new Date(command.completedAt);
    notInFuture('completedAt', completedAt, now);
    return this.dataSource.transaction(async (manager) => {
      const objection = await lockObjection(manager, id, 'approved', 'not awaiting procedures');
      const labKnownAt = objection.labNotifiedAt;
      if (!labKnownAt)
        throw conflict(
          `the re-inspection lab of objection ${id} is not known yet: procedures start once it is drawn`,
        );
      if (completedAt < labKnownAt)
        throw unprocessable('completedAt', `is before the lab was known (${labKnownAt.toISOString()})`);
      // Null only while the calendar lacks the year: no waiver is computed, the procedures count.
      const completeBy = objection.completeBy;
      if (completeBy && completedAt > completeBy) {
        throw unprocessable(
          'completedAt',
          `is after the ${completeBy.toISOString()} limit: the re-inspection is waived`,
        );
      }
      objection.status = 're-inspecting';
      objection.proceduresCompletedAt = completedAt;
      await manager.save(Objection, objection);
      await this.deadlines.meet(manager, 'reinspection-procedures', objection.id, completedAt);
      await this.audit.record(
        actor,
        {
          action: 'objection.procedures-complete',
          entityType: 'objection',
          entityId: id,
          detail: { completedAt: command.completedAt },
        },
        manager,
      );
      return objection;
    });
  }
}
