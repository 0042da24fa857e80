import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict } from '@qis/domain';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from '../store/evidence-store';
import type { DeclarePartsCommand } from './declare-parts.command';
import { loadObject } from './load-object';
import { checkDeclarations, declaredParts, recordDeclarations } from './upload-parts';
import type { UploadTicket } from './upload-ticket.view';
import { ticketFor } from './upload-urls';

/**
 * Declares parts of a pending multipart upload of the caller's (size, SHA-256) and answers their
 * URLs, each signed for both, so the store refuses other bytes. A resumable client declares parts
 * as it reads them, and again (same declaration) when their URLs expired. From the first
 * declaration on, the upload hands out URLs for declared parts only.
 */
@Injectable()
export class DeclarePartsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly audit: AuditService,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  async execute(by: AuditActor, id: string, command: DeclarePartsCommand): Promise<UploadTicket> {
    return this.dataSource.transaction(async (manager) => {
      const object = await loadObject(manager, id, true);
      if (object.uploader !== by.actor) throw notFound('evidence object', id);
      if (object.status !== 'pending')
        throw conflict(`evidence object ${id} is already ${object.status}; its parts cannot be declared`);
      const [finalizing] = (await manager.query('select 1 from upload_finalization where object_id = $1', [
        id,
      ])) as unknown[];
      if (finalizing || !object.uploadId)
        throw conflict(`evidence object ${id} is being finalized; its parts cannot be declared`);
      const numbers = command.parts.map((p) => p.partNumber);
      checkDeclarations(object, command.parts, await declaredParts(manager, id, numbers));
      await recordDeclarations(manager, id, command.parts);
      const expiresAt = new Date(
        Date.now() + this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS * 1000,
      ).toISOString();
      await this.audit.record(
        by,
        {
          action: 'evidence.upload.declare-parts',
          entityType: 'evidence-object',
          entityId: id,
          detail: { parts: numbers, expiresAt },
        },
        manager,
      );
      return ticketFor(this.store, { ...object, partsDeclared: true }, expiresAt, command.parts);
    });
  }
}
