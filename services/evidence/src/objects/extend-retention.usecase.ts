import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { conflict, unprocessable } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import { EvidenceObject } from './evidence-object.entity';
import type { ExtendRetentionCommand } from './extend-retention.command';
import { loadObject } from './load-object';

/** Keeps evidence longer (a case still open). Retention is never shortened. */
@Injectable()
export class ExtendRetentionUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
  ) {}

  async execute(
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    command: ExtendRetentionCommand,
  ): Promise<EvidenceObject> {
    const until = new Date(command.retainUntil);
    return this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id, true);
      if (object.status !== 'stored' || !object.versionId)
        throw conflict(`evidence object ${id} is ${object.status}`);
      if (object.retainUntil && until <= object.retainUntil) {
        throw unprocessable(
          'retainUntil',
          `must be later than the current ${object.retainUntil.toISOString()}; retention is never shortened`,
        );
      }
      await this.store.extendRetention(object.objectKey, object.versionId, until);
      await manager.update(EvidenceObject, { id }, { retainUntil: until });
      await this.ledger.append(manager, by, from, {
        action: 'retention-change',
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: object.sha256,
        objectVersionId: object.versionId,
        detail: { from: object.retainUntil?.toISOString() ?? null, to: until.toISOString() },
      });
      await this.audit.record(
        by,
        {
          action: 'evidence.retention.extend',
          entityType: 'evidence-object',
          entityId: id,
          detail: { retainUntil: until.toISOString() },
        },
        manager,
      );
      return { ...object, retainUntil: until };
    });
  }
}
