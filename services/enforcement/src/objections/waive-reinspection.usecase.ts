import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { DeadlineBook } from '../kernel/deadline-book';
import { ResultFinality } from '../kernel/result-finality';
import { notInFuture } from '../http/domain-errors';
import { lockObjection } from './lock-objection';
import { Objection } from './objection.entity';
import type { WaiveReinspectionCommand } from './waive-reinspection.command';
import { Clock } from '../kernel/clock';

/**
 * The applicant gives up an approved re-inspection in writing before completing the procedures:
 * the objection is `waived` at once (as the scan does when the 7 days pass) and the first result
 * becomes final when nothing else is pending (basis `re-inspection-waived`).
 */
@Injectable()
export class WaiveReinspectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineBook,
    private readonly finality: ResultFinality,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    id: string,
    command: WaiveReinspectionCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    const declaredAt = new Date(command.declaredAt);
    notInFuture('declaredAt', declaredAt, now);
    return this.dataSource.transaction(async (manager) => {
      const objection = await lockObjection(
        manager,
        id,
        'approved',
        'not an approved re-inspection that can be waived',
      );
      objection.status = 'waived';
      await manager.save(Objection, objection);
      await this.deadlines.meet(manager, 'reinspection-procedures', objection.id, declaredAt);
      await this.audit.record(
        actor,
        {
          action: 'objection.waive',
          entityType: 'objection',
          entityId: id,
          detail: {
            batchNumber: objection.batchNumber,
            declaredAt: command.declaredAt,
            reason: command.reason,
          },
        },
        manager,
      );
      await this.finality.execute(manager, objection.batchNumber, now);
      return objection;
    });
  }
}
