import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { conflict } from '../common/domain-errors';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import { loadObject } from './load-object';

/**
 * A request to delete evidence. The store's object lock decides: while the version is retained
 * it refuses, and the refused attempt is audited and enters the custody ledger. Nothing here
 * bypasses the lock.
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

  async execute(by: AuditActor, from: ExtractionFacts, id: string): Promise<never> {
    const object = await loadObject(this.dataSource.manager, id);
    let storeAnswer = 'no stored version';
    if (object.versionId) {
      try {
        await this.store.removeVersion(object.objectKey, object.versionId);
        storeAnswer = 'removed';
      } catch (error) {
        storeAnswer = (error as Error).message;
      }
    }
    if (storeAnswer === 'removed') {
      // Only possible once retention has expired; the rules keep evidence at least two years.
      this.logger.error(`evidence object ${id} version ${object.versionId} was removed by the store`);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        by,
        {
          action: 'evidence.delete',
          entityType: 'evidence-object',
          entityId: id,
          outcome: 'failure',
          detail: { retainUntil: object.retainUntil?.toISOString() ?? null, store: storeAnswer },
        },
        manager,
      );
      await this.ledger.append(manager, by, from, {
        action: 'delete-refused',
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: object.sha256,
        objectVersionId: object.versionId,
        detail: { store: storeAnswer },
      });
    });
    throw conflict(
      `evidence object ${id} is retained until ${object.retainUntil?.toISOString() ?? 'its retention ends'} and cannot be deleted (${storeAnswer})`,
    );
  }
}
