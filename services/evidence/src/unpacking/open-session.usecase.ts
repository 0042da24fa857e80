import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource, In, type EntityManager } from 'typeorm';
import { BatchBuyer } from '../access/batch-buyer';
import { conflict, unprocessable } from '@qis/domain';
import { Parcel } from '../intake/parcel.entity';
import type { EvidenceKind } from '../objects/evidence-kind';
import { EvidenceObject } from '../objects/evidence-object.entity';
import type { OpenSessionCommand } from './open-session.command';
import type { Participant, PresentPerson } from './participant';
import { missingPeople, REQUIRED_PRESENT } from './participant-rules';
import { UnpackingSession } from './unpacking-session.entity';

/** Each id is stored evidence of one of the kinds and of this batch: a session cites only its own. */
async function requireStored(
  manager: EntityManager,
  field: string,
  ids: string[],
  kinds: EvidenceKind[],
  batchNumber: string,
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
  const foreign = found.filter((o) => o.batchNumber !== batchNumber).map((o) => o.id);
  if (foreign.length > 0) {
    throw unprocessable(field, `must be evidence of batch ${batchNumber}: ${foreign.join(', ')}`);
  }
}

/**
 * Everyone present, the buyer by the batch's buyer pseudonym (looked up, never typed): a buyer
 * named otherwise is refused, naming the field.
 */
function withBuyerPseudonym(
  participants: Participant[],
  pseudonym: string | null,
  batchNumber: string,
): PresentPerson[] {
  return participants.map((p, i) => {
    if (p.role !== 'buyer') return { role: p.role, name: (p.name ?? '').trim() };
    if (pseudonym === null) {
      throw unprocessable(
        'participants',
        `the buyer of batch ${batchNumber} is not known here: no purchase evidence was uploaded by a buyer for it`,
      );
    }
    if (p.name !== undefined && p.name.trim() !== pseudonym) {
      throw unprocessable(
        `participants[${i}].name`,
        `must be the pseudonym of batch ${batchNumber}'s buyer (leave it out to have it filled in), not a name`,
      );
    }
    return { role: 'buyer', name: pseudonym };
  });
}

/** Opens the unpacking of an admitted parcel, refused unless the required people are present. */
@Injectable()
export class OpenSessionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly batchBuyer: BatchBuyer,
  ) {}

  async execute(by: AuditActor, command: OpenSessionCommand): Promise<UnpackingSession> {
    const counted = command.participants.map((p) => ({ role: p.role, name: p.name ?? 'buyer' }));
    const reasons = missingPeople(counted, REQUIRED_PRESENT);
    if (reasons.length > 0) throw unprocessable('participants', ...reasons);
    return this.dataSource.transaction(async (manager) => {
      const parcel = await manager.findOneBy(Parcel, { id: command.parcelId });
      if (!parcel || parcel.status !== 'admitted' || !parcel.batchNumber) {
        throw unprocessable('parcelId', 'must be an admitted parcel (quarantined parcels are not unpacked)');
      }
      const batch = parcel.batchNumber;
      const participants = withBuyerPseudonym(
        command.participants,
        await this.batchBuyer.pseudonym(manager, batch),
        batch,
      );
      await requireStored(manager, 'videoObjectId', [command.videoObjectId], ['unboxing-video'], batch);
      await requireStored(
        manager,
        'waybillPhotoObjectId',
        [command.waybillPhotoObjectId],
        ['waybill-photo'],
        batch,
      );
      await requireStored(
        manager,
        'photoObjectIds',
        command.photoObjectIds ?? [],
        ['sample-photo', 'product-claim-photo'],
        batch,
      );
      const open = await manager.findOneBy(UnpackingSession, {
        batchNumber: parcel.batchNumber,
        status: 'open',
      });
      if (open)
        throw conflict(`batch ${parcel.batchNumber} already has an open unpacking session ${open.id}`);
      // A batch has one sample, unpacked and sealed once.
      const sealed = await manager.findOneBy(UnpackingSession, {
        batchNumber: parcel.batchNumber,
        status: 'sealed',
      });
      if (sealed)
        throw conflict(
          `batch ${parcel.batchNumber} was unpacked and sealed already (unpacking session ${sealed.id})`,
        );
      const session: UnpackingSession = {
        id: randomUUID(),
        batchNumber: parcel.batchNumber,
        parcelId: parcel.id,
        participants,
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
