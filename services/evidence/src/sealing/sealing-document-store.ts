import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import type { EvidenceKind } from '../objects/evidence-kind';
import { EvidenceObject } from '../objects/evidence-object.entity';
import { EvidenceStore } from '../store/evidence-store';

/** A document PDF put in the locked bucket, not yet registered as an evidence object. */
export interface StoredDocument {
  id: string;
  batchNumber: string;
  kind: EvidenceKind;
  objectKey: string;
  versionId: string;
  sha256: string;
  size: number;
  fileName: string;
  retainUntil: Date | null;
}

/**
 * The documents sealing makes (work order, sampling notice, re-sealing record) as evidence: `put`
 * stores the PDF before the transaction (if the transaction fails it stays an unreferenced, locked
 * object); `register` records it and its upload in the custody ledger inside the transaction.
 */
@Injectable()
export class SealingDocumentStore {
  constructor(
    private readonly store: EvidenceStore,
    private readonly ledger: CustodyLedger,
  ) {}

  async put(
    id: string,
    batchNumber: string,
    kind: EvidenceKind,
    pdf: Buffer,
    fileName: string,
  ): Promise<StoredDocument> {
    const objectKey = `${batchNumber}/${kind}/${id}`;
    const versionId = await this.store.putSmall(objectKey, pdf, 'application/pdf');
    const stored = await this.store.stat(objectKey, versionId);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    return {
      id,
      batchNumber,
      kind,
      objectKey,
      versionId,
      sha256,
      size: pdf.length,
      fileName,
      retainUntil: stored.retainUntil,
    };
  }

  async register(
    manager: EntityManager,
    by: AuditActor,
    from: ExtractionFacts,
    doc: StoredDocument,
  ): Promise<void> {
    await manager.insert(EvidenceObject, {
      id: doc.id,
      objectKey: doc.objectKey,
      kind: doc.kind,
      batchNumber: doc.batchNumber,
      uploader: by.actor,
      declaredSha256: doc.sha256,
      declaredSize: doc.size,
      contentType: 'application/pdf',
      fileName: doc.fileName,
      status: 'stored',
      sha256: doc.sha256,
      size: doc.size,
      versionId: doc.versionId,
      retainUntil: doc.retainUntil,
      storedAt: new Date(),
    });
    await this.ledger.append(manager, by, from, {
      action: 'upload',
      subjectType: 'object',
      subjectId: doc.id,
      batchNumber: doc.batchNumber,
      objectSha256: doc.sha256,
      objectVersionId: doc.versionId,
      detail: {
        kind: doc.kind,
        size: doc.size,
        contentType: 'application/pdf',
        objectKey: doc.objectKey,
        generated: true,
      },
    });
  }
}
