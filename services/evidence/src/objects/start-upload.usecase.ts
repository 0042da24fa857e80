import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { forbidden, unprocessable } from '@qis/domain';
import { EVIDENCE_POLICY, mayUpload } from '../access/evidence-policy';
import { EvidenceConfig } from '../evidence.config';
import { EvidenceStore } from '../store/evidence-store';
import { EvidenceObject } from './evidence-object.entity';
import type { StartUploadCommand } from './start-upload.command';
import type { UploadTicket } from './upload-ticket.view';
import { checkDeclarations, recordDeclarations } from './upload-parts';
import { UploadQuota } from './upload-quota';
import { ticketFor } from './upload-urls';

const MIB = 1024 * 1024;
/** S3 allows at most 10,000 parts. */
const MAX_PARTS = 10_000;

/**
 * Registers a pending object within the uploader's quotas and hands out presigned PUT URLs into the
 * staging bucket, each signed for its exact size and SHA-256: a single one for the file's, a part's
 * for the one declared for it (parts may be declared later). The released flow's multipart upload,
 * which declares no parts, gets every part's URL signed for its size only (deprecated).
 */
@Injectable()
export class StartUploadUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly audit: AuditService,
    private readonly quota: UploadQuota,
    @Inject(EvidenceConfig) private readonly config: EvidenceConfig,
  ) {}

  async execute(principal: Principal, by: AuditActor, command: StartUploadCommand): Promise<UploadTicket> {
    if (!mayUpload(principal, command.kind)) {
      const makers = EVIDENCE_POLICY[command.kind].uploaders.join(', ');
      await this.audit.record(by, {
        action: 'evidence.upload.start',
        entityType: 'evidence-object',
        outcome: 'failure',
        detail: {
          kind: command.kind,
          batchNumber: command.batchNumber,
          refused: 'kind not made by the role',
        },
      });
      throw forbidden(`a ${command.kind} is uploaded only by ${makers}`, 'kind');
    }
    if (command.size > this.config.EVIDENCE_MAX_OBJECT_MB * MIB) {
      throw unprocessable('size', `must not exceed ${this.config.EVIDENCE_MAX_OBJECT_MB} MiB`);
    }
    const configuredPart = this.config.EVIDENCE_PART_SIZE_MB * MIB;
    const partSize = Math.max(configuredPart, Math.ceil(command.size / MAX_PARTS / MIB) * MIB);
    const multipart = command.size > configuredPart;
    const id = randomUUID();
    const key = `${command.batchNumber ?? 'unbatched'}/${command.kind}/${id}`;
    const expiresAt = new Date(Date.now() + this.config.EVIDENCE_UPLOAD_URL_TTL_SECONDS * 1000).toISOString();
    const shape = { declaredSize: command.size, partSize: multipart ? partSize : null };
    if (command.parts) checkDeclarations(shape, command.parts);
    else if (multipart && this.config.EVIDENCE_UNDECLARED_PARTS === 'refuse')
      throw unprocessable(
        'parts',
        'declare the parts (`parts: []`, then POST /evidence/uploads/{id}/parts): part URLs unbound to a SHA-256 are not handed out (EVIDENCE_UNDECLARED_PARTS=refuse)',
      );
    const partsDeclared = multipart && command.parts !== undefined;

    // Every upload is a multipart upload in the staging bucket; a single PUT is its one part.
    const uploadId = await this.store.startStagedUpload(key, command.contentType);
    const ticket = ticketFor(
      this.store,
      { ...shape, id, objectKey: key, uploadId, declaredSha256: command.sha256, partsDeclared },
      expiresAt,
      command.parts,
    );

    try {
      await this.insert(by, command, {
        id,
        key,
        uploadId,
        multipart,
        partSize,
        partsDeclared,
        method: ticket.method,
      });
    } catch (error) {
      await this.store.removeStaged(key, uploadId).catch(() => undefined);
      throw error;
    }
    return ticket;
  }

  private async insert(
    by: AuditActor,
    command: StartUploadCommand,
    u: {
      id: string;
      key: string;
      uploadId: string;
      multipart: boolean;
      partSize: number;
      partsDeclared: boolean;
      method: string;
    },
  ): Promise<void> {
    const { id, key, uploadId, multipart, partSize } = u;
    await this.dataSource.transaction(async (manager) => {
      await this.quota.reserve(manager, by, command.size);
      await manager.insert(EvidenceObject, {
        id,
        objectKey: key,
        kind: command.kind,
        batchNumber: command.batchNumber ?? null,
        uploader: by.actor,
        declaredSha256: command.sha256,
        declaredSize: command.size,
        contentType: command.contentType,
        fileName: command.fileName ?? null,
        status: 'pending',
        uploadId,
        partSize: multipart ? partSize : null,
      });
      if (u.partsDeclared) await recordDeclarations(manager, id, command.parts ?? []);
      await this.audit.record(
        by,
        {
          action: 'evidence.upload.start',
          entityType: 'evidence-object',
          entityId: id,
          detail: {
            kind: command.kind,
            batchNumber: command.batchNumber,
            size: command.size,
            method: u.method,
            ...(u.partsDeclared ? { partsDeclared: (command.parts ?? []).map((p) => p.partNumber) } : {}),
          },
        },
        manager,
      );
    });
  }
}
