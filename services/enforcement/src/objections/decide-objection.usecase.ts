import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { ReinspectionRequested, type ReinspectionRequestedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import {
  addDays,
  conflict,
  endOfShanghaiDay,
  ErrorCode,
  shanghaiDate,
  unprocessable,
  UnprocessableError,
} from '@qis/domain';
import { ResultFinality } from '../kernel/result-finality';
import { notInFuture } from '../http/domain-errors';
import type { DecideObjectionCommand } from './decide-objection.command';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';
import { lockObjection } from './lock-objection';
import { MATERIAL_LABELS, missingMaterials, type MaterialItem } from './objection-materials';
import { Objection } from './objection.entity';
import { Clock } from '../kernel/clock';

/** Approving a re-inspection on an incomplete checklist: 422 naming each missing item. */
const materialsMissing = (id: string, missing: readonly MaterialItem[]): UnprocessableError => {
  const names = missing.map((item) => `${item} (${MATERIAL_LABELS[item]})`).join(', ');
  return new UnprocessableError(
    ErrorCode.materialsMissing,
    `materials: objection ${id} lacks required materials: ${names}; record them as received first, or refuse the re-inspection`,
    {
      errors: missing.map((item) => ({
        field: `materials.${item}`,
        reasons: [`missing: ${MATERIAL_LABELS[item]} is required before a re-inspection is approved`],
      })),
    },
  );
};

/**
 * The approver decides, on the materials checklist as it stands (operating rules §6): a
 * re-inspection is approved only when every required item is received; a refusal names the
 * items that were missing. Approved: `reinspection-requested` goes to lab-gateway (a different lab)
 * and evidence (re-seal the backup sample); the 7 days for the procedures start when lab-gateway
 * has drawn the lab (`RecordReinspectionLabUseCase`). Refused: the
 * first result stands once no other objection is pending.
 */
@Injectable()
export class DecideObjectionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly finality: ResultFinality,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    id: string,
    command: DecideObjectionCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    const decidedAt = command.decidedAt ? new Date(command.decidedAt) : now;
    return this.dataSource.transaction(async (manager) => {
      const objection = await lockObjection(manager, id, 'filed', 'not awaiting a decision');
      // After the lookup: an unknown objection is 404 whatever the body says.
      notInFuture('decidedAt', decidedAt, now);
      const missing = missingMaterials(objection.materials, objection.agentName !== null);
      if (command.approve && missing.length > 0) throw materialsMissing(id, missing);
      if (decidedAt < objection.filedAt)
        throw unprocessable(
          'decidedAt',
          `is before the objection was filed (${objection.filedAt.toISOString()})`,
        );
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: objection.batchNumber });
      objection.decidedAt = decidedAt;
      objection.decidedBy = actor.actor;
      objection.decisionReason = command.reason;
      if (command.approve) {
        const report = batch.initialReport;
        const sealed = batch.sealed;
        if (!report || !sealed)
          throw conflict(`batch ${batch.batchNumber} lacks the report or the sealed sample to re-inspect`);
        // The 7 days run from when the lab is known (its dispatch, `sample-dispatched`), not from here.
        objection.status = 'approved';
        objection.completeBy = null;
        const value: ReinspectionRequestedValue = {
          batchNumber: batch.batchNumber,
          objectionId: objection.id,
          originalReportNumber: report.reportNumber,
          originalLabId: report.labId,
          category: sealed.category,
          sampleCode: sealed.sampleCode,
          sampleRole: 'backup',
          sealNumber: sealed.backupSample.sealNumber,
          approvedAt: decidedAt.toISOString(),
          // Earliest the limit can fall (the lab is drawn at once); the binding one is on the objection.
          completeBy: endOfShanghaiDay(
            addDays(shanghaiDate(decidedAt), PROCEDURES_PERIOD_DAYS),
          ).toISOString(),
        };
        await this.outbox.publish(manager, [
          { contract: ReinspectionRequested, key: batch.batchNumber, value },
        ]);
      } else {
        objection.status = 'rejected';
      }
      await manager.save(Objection, objection);
      await this.audit.record(
        actor,
        {
          action: command.approve ? 'objection.approve' : 'objection.reject',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: batch.batchNumber,
            reason: command.reason,
            missingMaterials: missing,
          },
        },
        manager,
      );
      await this.finality.execute(manager, batch.batchNumber, now);
      return objection;
    });
  }
}
