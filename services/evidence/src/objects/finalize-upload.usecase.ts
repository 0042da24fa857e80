import { Injectable, Logger, UnprocessableEntityException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, unprocessable } from '../common/domain-errors';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import { EvidenceObject } from './evidence-object.entity';
import type { FinalizeUploadCommand } from './finalize-upload.command';
import { loadObject } from './load-object';

/**
 * Completes an upload: assembles multipart parts, then streams the stored version through
 * SHA-256 and compares size and hash with what the uploader declared. A mismatch marks the object
 * rejected (its bytes stay locked, as everything in the bucket) and answers 422.
 */
@Injectable()
export class FinalizeUploadUseCase {
  private readonly logger = new Logger(FinalizeUploadUseCase.name);

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
    command: FinalizeUploadCommand,
  ): Promise<EvidenceObject> {
    const object = await loadObject(this.dataSource.manager, id);
    if (object.uploader !== by.actor) throw notFound('evidence object', id);
    if (object.status !== 'pending') {
      await this.audit.record(by, {
        action: 'evidence.upload.overwrite-refused',
        entityType: 'evidence-object',
        entityId: id,
        outcome: 'failure',
        detail: { status: object.status },
      });
      throw conflict(`evidence object ${id} is already ${object.status}; evidence is never overwritten`);
    }
    if (object.uploadId) {
      if (!command.parts)
        throw unprocessable('parts', 'a multipart upload is finalized with its parts and their ETags');
      const parts = [...command.parts].sort((a, b) => a.partNumber - b.partNumber);
      const expected = Math.ceil(object.declaredSize / (object.partSize as number));
      if (parts.length !== expected || parts.some((p, i) => p.partNumber !== i + 1)) {
        throw unprocessable('parts', `must list parts 1 to ${expected}, each once`);
      }
      try {
        await this.store.completeMultipart(
          object.objectKey,
          object.uploadId,
          parts.map((p) => ({ part: p.partNumber, etag: p.etag.replace(/"/g, '') })),
        );
      } catch (error) {
        throw unprocessable('parts', `the store refused to assemble the parts: ${(error as Error).message}`);
      }
    } else if (command.parts) {
      throw unprocessable('parts', 'a single upload has no parts');
    }

    let stored;
    try {
      stored = await this.store.stat(object.objectKey);
    } catch {
      throw unprocessable('objectId', 'nothing was uploaded to the URL yet');
    }
    const { sha256, size } = await this.store.hash(object.objectKey, stored.versionId);
    const problems: Array<{ field: string; reason: string }> = [];
    if (size !== object.declaredSize) {
      problems.push({ field: 'size', reason: `declared ${object.declaredSize} bytes, stored ${size}` });
    }
    if (sha256 !== object.declaredSha256) {
      problems.push({
        field: 'sha256',
        reason: `declared ${object.declaredSha256}, stored bytes hash to ${sha256}`,
      });
    }

    const outcome = await this.dataSource.transaction(async (manager) => {
      const locked = await loadObject(manager, id, true);
      if (locked.status !== 'pending') throw conflict(`evidence object ${id} is already ${locked.status}`);
      if (problems.length > 0) {
        const rejection = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
        await manager.update(
          EvidenceObject,
          { id },
          {
            status: 'rejected',
            rejection,
            sha256,
            size,
            versionId: stored.versionId,
            retainUntil: stored.retainUntil,
          },
        );
        await this.audit.record(
          by,
          {
            action: 'evidence.upload.reject',
            entityType: 'evidence-object',
            entityId: id,
            outcome: 'failure',
            detail: { rejection },
          },
          manager,
        );
        return { rejected: rejection };
      }
      await manager.update(
        EvidenceObject,
        { id },
        {
          status: 'stored',
          sha256,
          size,
          versionId: stored.versionId,
          retainUntil: stored.retainUntil,
          storedAt: new Date(),
          uploadId: null,
        },
      );
      await this.ledger.append(manager, by, from, {
        action: 'upload',
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: sha256,
        objectVersionId: stored.versionId,
        detail: { kind: object.kind, size, contentType: object.contentType, objectKey: object.objectKey },
      });
      await this.audit.record(
        by,
        {
          action: 'evidence.upload.finalize',
          entityType: 'evidence-object',
          entityId: id,
          detail: { sha256, size },
        },
        manager,
      );
      return { rejected: null };
    });
    // The rejection is committed before the caller hears of it: it stays on record.
    if (outcome.rejected !== null) {
      this.logger.warn(`upload ${id} rejected: ${outcome.rejected}`);
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: `upload rejected: ${outcome.rejected}`,
        errors: problems.map((p) => ({ field: p.field, reasons: [p.reason] })),
      });
    }
    return loadObject(this.dataSource.manager, id);
  }
}
