import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict } from '@qis/domain';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from '../store/evidence-store';
import { loadObject } from './load-object';
import { declaredParts } from './upload-parts';
import type { UploadTicket } from './upload-ticket.view';
import { ticketFor } from './upload-urls';

/**
 * Fresh presigned URLs for a pending upload of the caller's, same object and parts: an upload that
 * outlived its URLs (a long recording on a slow line, a laptop asleep) resumes instead of starting
 * over. Parts already in the store stay there; the uploader finalizes with their ETags as before.
 * An upload whose parts are declared gets URLs for its declared parts only (the others are declared
 * with `POST …/parts`, which answers theirs).
 * Once finalize was asked for, the upload is closed: 409.
 */
@Injectable()
export class RenewUploadUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly audit: AuditService,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  async execute(by: AuditActor, id: string): Promise<UploadTicket> {
    const object = await loadObject(this.dataSource.manager, id);
    if (object.uploader !== by.actor) throw notFound('evidence object', id);
    if (object.status !== 'pending')
      throw conflict(`evidence object ${id} is already ${object.status}; its upload cannot be renewed`);
    const [finalizing] = (await this.dataSource.query(
      'select 1 from upload_finalization where object_id = $1',
      [id],
    )) as unknown[];
    if (finalizing || !object.uploadId)
      throw conflict(`evidence object ${id} is being finalized; its upload cannot be renewed`);
    const expiresAt = new Date(Date.now() + this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS * 1000).toISOString();
    const declared = object.partsDeclared ? await declaredParts(this.dataSource.manager, id) : [];
    const ticket = ticketFor(this.store, object, expiresAt, declared);
    await this.audit.record(by, {
      action: 'evidence.upload.renew',
      entityType: 'evidence-object',
      entityId: id,
      detail: { method: ticket.method, expiresAt },
    });
    return ticket;
  }
}
