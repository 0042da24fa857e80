import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@qis/domain';
import { authorizeRead } from '../access/authorize-read';
import { BatchJurisdictions } from '../access/batch-jurisdictions';
import { seesSubjects } from '../access/evidence-policy';
import { Pseudonyms } from '../access/pseudonyms';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceObjectView } from './evidence-object.view';
import { loadObject } from './load-object';

/**
 * An object's metadata, as the read policy allows (404 alike for an unknown id and a kind the caller
 * may not read); every read, and every refused one, is audited, and every read is in the ledger.
 */
@Injectable()
export class ReadObjectUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
    private readonly jurisdictions: BatchJurisdictions,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async execute(
    principal: Principal,
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    purpose: string | undefined,
  ): Promise<EvidenceObjectView> {
    return this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id);
      let access: ReturnType<typeof authorizeRead>;
      try {
        access = authorizeRead(
          principal,
          object,
          await this.jurisdictions.of(manager, object.batchNumber),
          purpose,
          false,
        );
      } catch (refusal) {
        await this.audit.record(by, {
          action: 'evidence.metadata.read',
          entityType: 'evidence-object',
          entityId: id,
          outcome: 'failure',
          detail: {
            kind: object.kind,
            refused:
              refusal instanceof DomainError && refusal.code === ErrorCode.purposeRequired
                ? 'no purpose'
                : 'kind',
          },
        });
        throw refusal;
      }
      const detail = { kind: object.kind, access, ...(purpose ? { purpose } : {}) };
      await this.ledger.append(manager, by, from, {
        action: 'metadata-read',
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: object.sha256,
        objectVersionId: object.versionId,
        detail,
      });
      await this.audit.record(
        by,
        { action: 'evidence.metadata.read', entityType: 'evidence-object', entityId: id, detail },
        manager,
      );
      return EvidenceObjectView.of(
        object,
        seesSubjects(principal) ? object.uploader : this.pseudonyms.of(object.uploader),
      );
    });
  }
}
