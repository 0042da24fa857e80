import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { conflict } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import { EvidenceObject } from './evidence-object.entity';
import { loadObject } from './load-object';

const REMOVED = 'removed';

/**
 * A request to delete evidence. The store's object lock decides: while the version is retained
 * it refuses, and the refused attempt is audited and enters the custody ledger. Once retention has
 * ended the store removes the version: the object stays on record as `deleted`, and the deletion
 * is audited and enters the ledger. Nothing here bypasses the lock.
 */
@Injectable()
export class DeleteObjectUseCase {
  private readonly logger = new Logger(DeleteObjectUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
  ) {}

  async execute(by: AuditActor, from: ExtractionFacts, id: string): Promise<EvidenceObject> {
    const object = await loadObject(this.dataSource.manager, id);
    // The store is asked outside any transaction: no row stays locked while it answers.
    const storeAnswer = await this.askStore(object);
    const deleted = await this.dataSource.transaction(async (manager) => {
      const locked = await loadObject(manager, id, true);
      // A concurrent request may have recorded the deletion meanwhile (the store answers a
      // removed version's delete alike): only one records it.
      if (storeAnswer === REMOVED && locked.status !== 'deleted') {
        const deletedAt = new Date();
        await manager.update(EvidenceObject, id, { status: 'deleted', deletedAt });
        await this.audit.record(
          by,
          {
            action: 'evidence.delete',
            entityType: 'evidence-object',
            entityId: id,
            detail: { versionId: locked.versionId, retainUntil: locked.retainUntil?.toISOString() ?? null },
          },
          manager,
        );
        await this.ledger.append(manager, by, from, {
          action: 'delete',
          subjectType: 'object',
          subjectId: id,
          batchNumber: locked.batchNumber,
          objectSha256: locked.sha256,
          objectVersionId: locked.versionId,
          detail: { store: storeAnswer },
        });
        return { ...locked, status: 'deleted' as const, deletedAt };
      }
      const answer = storeAnswer === REMOVED ? 'already deleted' : storeAnswer;
      await this.audit.record(
        by,
        {
          action: 'evidence.delete',
          entityType: 'evidence-object',
          entityId: id,
          outcome: 'failure',
          detail: { retainUntil: locked.retainUntil?.toISOString() ?? null, store: answer },
        },
        manager,
      );
      await this.ledger.append(manager, by, from, {
        action: 'delete-refused',
        subjectType: 'object',
        subjectId: id,
        batchNumber: locked.batchNumber,
        objectSha256: locked.sha256,
        objectVersionId: locked.versionId,
        detail: { store: answer },
      });
      return null;
    });
    if (deleted) {
      this.logger.log(
        `evidence object ${id} version ${object.versionId} was removed after its retention ended`,
      );
      return deleted;
    }
    if (object.status === 'deleted' || storeAnswer === REMOVED)
      throw conflict(`evidence object ${id} is already deleted`);
    throw conflict(
      `evidence object ${id} is retained until ${object.retainUntil?.toISOString() ?? 'its retention ends'} and cannot be deleted (${storeAnswer})`,
    );
  }

  /** `removed`, or why the store kept the version. */
  private async askStore(object: EvidenceObject): Promise<string> {
    if (object.status === 'deleted') return 'already deleted';
    if (!object.versionId) return 'no stored version';
    try {
      await this.store.removeVersion(object.objectKey, object.versionId);
      return REMOVED;
    } catch (error) {
      return (error as Error).message;
    }
  }
}
