import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { conflict } from '@qis/domain';
import { assertSameInstant, assertSecondOfficer } from '../http/four-eyes';
import type { ConfirmFilingCommand } from './confirm-filing.command';
import { lockObjection } from './lock-objection';
import { publishObjectionFiled } from './objection-filed.event';
import type { Objection } from './objection.entity';

/**
 * A second officer confirms an objection filed on an earlier day than it was recorded (four-eyes:
 * never the officer who recorded it). Only then is it filed in time: published, and open to the
 * approver's decision.
 */
@Injectable()
export class ConfirmFilingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    id: string,
    command: ConfirmFilingCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    return this.dataSource.transaction(async (manager) => {
      const objection = await lockObjection(
        manager,
        id,
        'awaiting-confirmation',
        'no filing awaits confirmation',
      );
      assertSameInstant('filedAt', new Date(command.filedAt), objection.filedAt, 'filing');
      assertSecondOfficer(
        objection.filingRecordedBy,
        actor.actor,
        `the filing of objection ${id} on ${objection.filedAt.toISOString()}`,
      );
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: objection.batchNumber });
      if (!batch.initialReport) throw conflict(`batch ${batch.batchNumber} has no result to object to`);
      objection.status = 'filed';
      objection.filingConfirmedBy = actor.actor;
      objection.filingConfirmedAt = now;
      await manager.save(objection);
      await publishObjectionFiled(this.outbox, manager, objection, batch.initialReport.reportNumber);
      await this.audit.record(
        actor,
        {
          action: 'objection.filing-confirmed',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batchNumber,
            filedAt: objection.filedAt.toISOString(),
            filingReason: objection.filingReason,
            recordedBy: objection.filingRecordedBy,
            note: command.note ?? null,
            clock: now.toISOString(),
          },
        },
        manager,
      );
      return objection;
    });
  }
}
