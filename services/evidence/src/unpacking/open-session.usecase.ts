import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource, In, type EntityManager } from 'typeorm';
import { conflict, unprocessable } from '../common/domain-errors';
import { Parcel } from '../intake/parcel.entity';
import type { EvidenceKind } from '../objects/evidence-kind';
import { EvidenceObject } from '../objects/evidence-object.entity';
import type { OpenSessionCommand } from './open-session.command';
import { missingPeople, REQUIRED_PRESENT } from './participant-rules';
import { UnpackingSession } from './unpacking-session.entity';

async function requireStored(
  manager: EntityManager,
  field: string,
  ids: string[],
  kinds: EvidenceKind[],
): Promise<void> {
  if (ids.length === 0) return;
  const found = await manager.findBy(EvidenceObject, { id: In(ids), status: 'stored', kind: In(kinds) });
  const missing = ids.filter((id) => !found.some((o) => o.id === id));
  if (missing.length > 0) {
    throw unprocessable(
      field,
      `must be stored evidence of kind ${kinds.join(' or ')}: ${missing.join(', ')}`,
    );
  }
}

/** Opens the unpacking of an admitted parcel, refused unless the required people are present. */
@Injectable()
export class OpenSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(by: AuditActor, command: OpenSessionCommand): Promise<UnpackingSession> {
    const reasons = missingPeople(command.participants, REQUIRED_PRESENT);
    if (reasons.length > 0) throw unprocessable('participants', ...reasons);
    return this.dataSource.transaction(async (manager) => {
      const parcel = await manager.findOneBy(Parcel, { id: command.parcelId });
      if (!parcel || parcel.status !== 'admitted' || !parcel.batchNumber) {
        throw unprocessable('parcelId', 'must be an admitted parcel (quarantined parcels are not unpacked)');
      }
      await requireStored(manager, 'videoObjectId', [command.videoObjectId], ['unboxing-video']);
      await requireStored(manager, 'waybillPhotoObjectId', [command.waybillPhotoObjectId], ['waybill-photo']);
      await requireStored(manager, 'photoObjectIds', command.photoObjectIds ?? [], [
        'sample-photo',
        'product-claim-photo',
      ]);
      const open = await manager.findOneBy(UnpackingSession, {
        batchNumber: parcel.batchNumber,
        status: 'open',
      });
      if (open)
        throw conflict(`batch ${parcel.batchNumber} already has an open unpacking session ${open.id}`);
      const session: UnpackingSession = {
        id: randomUUID(),
        batchNumber: parcel.batchNumber,
        parcelId: parcel.id,
        participants: command.participants.map((p) => ({ role: p.role, name: p.name.trim() })),
        videoObjectId: command.videoObjectId,
        waybillPhotoObjectId: command.waybillPhotoObjectId,
        photoObjectIds: command.photoObjectIds ?? [],
        claimed: { ...command.claimed },
        status: 'open',
        openedBy: by.actor,
        openedAt: new Date(),
      };
      await manager.insert(UnpackingSession, session);
      await this.audit.record(
        by,
        {
          action: 'unpacking.open',
          entityType: 'unpacking-session',
          entityId: session.id,
          detail: { batchNumber: session.batchNumber },
        },
        manager,
      );
      return session;
    });
  }
}
