import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { Pseudonyms } from '../access/pseudonyms';
import { EvidenceObjectView } from './evidence-object.view';
import { loadObject } from './load-object';
import type { UploadStatusView } from './upload-status.view';

/** The uploader's view of its upload's finalization; 404 for anyone else, as for an unknown id. */
@Injectable()
export class ReadUploadStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pseudonyms: Pseudonyms,
  ) {}

  async execute(by: AuditActor, id: string): Promise<UploadStatusView> {
    const object = await loadObject(this.dataSource.manager, id);
    if (object.uploader !== by.actor) throw notFound('evidence object', id);
    const [job] = (await this.dataSource.query(
      'select status, problems from upload_finalization where object_id = $1',
      [id],
    )) as Array<{ status: string; problems: Array<{ field: string; reason: string }> | null }>;
    const view = EvidenceObjectView.of(object, this.pseudonyms.of(object.uploader));
    if (object.status === 'pending') {
      return { objectId: id, state: job ? 'verifying' : 'uploading', rejection: null };
    }
    return {
      objectId: id,
      state: object.status,
      rejection: object.rejection,
      ...(object.status === 'rejected'
        ? {
            errors: (job?.problems ?? []).map((p) => ({ field: p.field, reasons: [p.reason] })),
          }
        : {}),
      object: view,
    };
  }
}
