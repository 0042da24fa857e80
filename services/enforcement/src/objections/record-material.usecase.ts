import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { Clock } from '../kernel/clock';
import { notInFuture } from '../http/domain-errors';
import { conflict, unprocessable } from '@qis/domain';
import { lockObjection } from './lock-objection';
import { MATERIAL_LABELS, missingMaterials } from './objection-materials';
import type { Objection } from './objection.entity';
import type { RecordMaterialCommand } from './record-material.command';

/**
 * Records an item of the applicant's materials received after registration (补正材料), with who
 * recorded it and when; only before the decision, which is taken on the checklist as it stands.
 */
@Injectable()
export class RecordMaterialUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    actor: AuditActor,
    id: string,
    command: RecordMaterialCommand,
    now = this.clock.now(),
  ): Promise<Objection> {
    const receivedAt = new Date(command.receivedAt);
    notInFuture('receivedAt', receivedAt, now);
    return this.dataSource.transaction(async (manager) => {
      const objection = await lockObjection(
        manager,
        id,
        ['filed', 'awaiting-confirmation'],
        'already decided: its materials checklist is closed',
      );
      if (receivedAt < objection.filedAt)
        throw unprocessable(
          'receivedAt',
          `is before the objection was filed (${objection.filedAt.toISOString()}): materials filed with it are registered with it`,
        );
      const current = objection.materials[command.item];
      if (current.state === 'received')
        throw conflict(
          `${command.item} (${MATERIAL_LABELS[command.item]}) of objection ${id} was already received on ${current.receivedAt}`,
        );
      objection.materials = {
        ...objection.materials,
        [command.item]: {
          state: 'received',
          receivedAt: receivedAt.toISOString(),
          recordedBy: actor.actor,
          recordedAt: now.toISOString(),
        },
      };
      await manager.save(objection);
      await this.audit.record(
        actor,
        {
          action: 'objection.material-received',
          entityType: 'objection',
          entityId: objection.id,
          detail: {
            batchNumber: objection.batchNumber,
            item: command.item,
            receivedAt: receivedAt.toISOString(),
            note: command.note ?? null,
            stillMissing: missingMaterials(objection.materials, objection.agentName !== null),
            clock: now.toISOString(),
          },
        },
        manager,
      );
      return objection;
    });
  }
}
