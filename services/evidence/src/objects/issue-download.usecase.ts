import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { authorizeRead } from '../access/authorize-read';
import { BatchJurisdictions } from '../access/batch-jurisdictions';
import { conflict, DomainError, ErrorCode } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from '../store/evidence-store';
import type { DownloadTicket } from './download-ticket.view';
import { loadObject } from './load-object';

/**
 * A presigned GET of the stored version; every one is audited and enters the custody ledger.
 * `view`: for the console's viewer, the store answers inline with the object's content type (so a
 * browser shows the image or PDF and streams the video with range requests) instead of as a file
 * to save; recorded as `view` in the ledger and `evidence.view` in the audit log.
 */
@Injectable()
export class IssueDownloadUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
    private readonly jurisdictions: BatchJurisdictions,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  async execute(
    principal: Principal,
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    purpose: string | undefined,
    mode: 'download' | 'view' = 'download',
  ): Promise<DownloadTicket> {
    const auditAction = mode === 'view' ? 'evidence.view' : 'evidence.download';
    return this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id);
      let access: ReturnType<typeof authorizeRead>;
      try {
        access = authorizeRead(
          principal,
          object,
          await this.jurisdictions.of(manager, object.batchNumber),
          purpose,
          true,
        );
      } catch (refusal) {
        await this.audit.record(by, {
          action: auditAction,
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
      const why = { kind: object.kind, access, ...(purpose ? { purpose } : {}) };
      if (object.status !== 'stored' || !object.versionId || !object.sha256) {
        throw conflict(`evidence object ${id} is ${object.status}, not downloadable`);
      }
      const url =
        mode === 'view'
          ? await this.store.client.presignedGetObject(
              this.store.bucket,
              object.objectKey,
              this.config.EVIDENCE_DOWNLOAD_URL_TTL_SECONDS,
              {
                versionId: object.versionId,
                'response-content-type': object.contentType,
                'response-content-disposition': 'inline',
              },
            )
          : await this.store.presignGet(object.objectKey, object.versionId, object.fileName);
      const expiresAt = new Date(
        Date.now() + this.config.EVIDENCE_DOWNLOAD_URL_TTL_SECONDS * 1000,
      ).toISOString();
      await this.ledger.append(manager, by, from, {
        action: mode,
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: object.sha256,
        objectVersionId: object.versionId,
        detail: { ...why, expiresAt },
      });
      await this.audit.record(
        by,
        {
          action: auditAction,
          entityType: 'evidence-object',
          entityId: id,
          detail: { ...why, versionId: object.versionId, expiresAt },
        },
        manager,
      );
      return {
        url,
        expiresAt,
        versionId: object.versionId,
        sha256: object.sha256,
        contentType: object.contentType,
      };
    });
  }
}
