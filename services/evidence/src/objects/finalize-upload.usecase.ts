import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode, unprocessable } from '@qis/domain';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import type { FinalizeUploadCommand } from './finalize-upload.command';
import { loadObject } from './load-object';
import { declaredParts } from './upload-parts';
import { UploadFinalizer } from './upload-finalizer';

/**
 * Asks for an upload to be finalized: checks that the staging bucket holds every part at its
 * signed size (so the assembled object has the declared size) and, for an upload whose parts are
 * declared, that each was declared (the store took it only with the declared SHA-256), completes the multipart upload
 * there (from then on its URLs answer NoSuchUpload) and queues the background job that hashes it,
 * copies it into the locked bucket and records custody ({@link UploadFinalizer}). Asking again
 * while the job is queued or running is harmless; once the object is stored or rejected, 409.
 */
@Injectable()
export class FinalizeUploadUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly audit: AuditService,
    private readonly finalizer: UploadFinalizer,
  ) {}

  async execute(
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    command: FinalizeUploadCommand,
  ): Promise<void> {
    const queued = await this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id, true);
      if (object.uploader !== by.actor) throw notFound('evidence object', id);
      if (object.status !== 'pending') {
        await this.audit.record(by, {
          action: 'evidence.upload.overwrite-refused',
          entityType: 'evidence-object',
          entityId: id,
          outcome: 'failure',
          detail: { status: object.status },
        });
        throw conflict(
          `evidence object ${id} is already ${object.status}; evidence is never overwritten`,
          ErrorCode.evidenceImmutable,
        );
      }
      const [job] = (await manager.query('select status from upload_finalization where object_id = $1', [
        id,
      ])) as unknown[];
      if (job) return false;
      if (!object.uploadId)
        throw conflict(`evidence object ${id} was announced before staged uploads; announce it again`);
      const multipart = object.partSize !== null;
      if (!multipart && command.parts) throw unprocessable('parts', 'a single upload has no parts');
      const partSize = object.partSize ?? object.declaredSize;
      const expected = Math.ceil(object.declaredSize / partSize);
      const claimed = command.parts
        ? [...command.parts].sort((a, b) => a.partNumber - b.partNumber)
        : undefined;
      if (claimed && (claimed.length !== expected || claimed.some((p, i) => p.partNumber !== i + 1))) {
        throw unprocessable('parts', `must list parts 1 to ${expected}, each once`);
      }
      let held: Array<{ part: number; etag: string; size: number }>;
      try {
        held = await this.store.stagedParts(object.objectKey, object.uploadId);
      } catch (error) {
        throw unprocessable('objectId', `the store holds no upload for it: ${(error as Error).message}`);
      }
      if (held.length === 0) throw unprocessable('objectId', 'nothing was uploaded to the URL yet');
      const problems: string[] = [];
      for (let n = 1; n <= expected; n++) {
        const part = held.find((p) => p.part === n);
        const size = Math.min(partSize, object.declaredSize - (n - 1) * partSize);
        if (!part) problems.push(`part ${n} was not uploaded`);
        else if (part.size !== size) problems.push(`part ${n} holds ${part.size} bytes, expected ${size}`);
        else if (claimed && claimed[n - 1].etag.replace(/"/g, '') !== part.etag)
          problems.push(`part ${n}: ETag ${claimed[n - 1].etag} is not the stored part's`);
      }
      if (held.some((p) => p.part > expected)) problems.push(`the upload has parts beyond ${expected}`);
      if (object.partsDeclared) {
        const declared = new Set((await declaredParts(manager, id)).map((p) => p.partNumber));
        for (let n = 1; n <= expected; n++)
          if (!declared.has(n)) problems.push(`part ${n} was never declared (POST …/parts)`);
      }
      if (problems.length > 0) throw unprocessable('parts', ...problems);
      try {
        await this.store.completeStaged(
          object.objectKey,
          object.uploadId,
          held.filter((p) => p.part <= expected).map(({ part, etag }) => ({ part, etag })),
        );
      } catch (error) {
        throw unprocessable('parts', `the store refused to assemble the parts: ${(error as Error).message}`);
      }
      await manager.query(
        `insert into upload_finalization (object_id, status, actor, extraction, requested_at)
         values ($1, 'queued', $2, $3, now())`,
        [
          id,
          JSON.stringify({ actor: by.actor, roles: by.roles, requestId: by.requestId }),
          JSON.stringify(from),
        ],
      );
      await this.audit.record(
        by,
        {
          action: 'evidence.upload.finalize-request',
          entityType: 'evidence-object',
          entityId: id,
          detail: {},
        },
        manager,
      );
      return true;
    });
    if (queued) this.finalizer.kick();
  }
}
