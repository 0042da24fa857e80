import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { DataSource, In, IsNull } from 'typeorm';
import type { EvidenceClient } from '../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../evidence/evidence-client.provider';
import { Notice } from './notice.entity';
import { RenderNoticePdfUseCase } from './render-notice-pdf.usecase';

/** An attempt holds its notices this long; a crashed attempt is retried after it. */
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60 * 60_000;

export interface StoreNoticePdfsResult {
  stored: number;
  failed: number;
}

/**
 * The outbox-like step that stores each notice's PDF through the evidence service. Notices are
 * created without waiting for it (an unreachable evidence service never blocks or loses a
 * notice); this step claims the unstored ones (SKIP LOCKED, then a lease, so no transaction stays
 * open across HTTP calls), uploads them, and records the object id and SHA-256 on the notice.
 * A failure is kept on the notice and retried with exponential backoff.
 */
@Injectable()
export class StoreNoticePdfsUseCase {
  private readonly logger = new Logger('NoticeEvidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderPdf: RenderNoticePdfUseCase,
    private readonly audit: AuditService,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  get enabled(): boolean {
    return this.evidence !== null;
  }

  // Storing PDFs is a technical retry on the wall clock (next attempts use the database's now()),
  // not a legal clock: it does not read Clock.
  async execute(now = new Date(), limit = 20): Promise<StoreNoticePdfsResult> {
    const evidence = this.evidence;
    const result = { stored: 0, failed: 0 };
    if (!evidence) return result;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(Notice, 'n')
        .where('n.evidence_object_id is null and n.evidence_next_attempt_at <= :now', { now })
        .orderBy('n.evidence_next_attempt_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length > 0)
        await manager.update(
          Notice,
          { id: In(due.map((n) => n.id)) },
          { evidenceNextAttemptAt: new Date(now.getTime() + LEASE_MS) },
        );
      return due;
    });
    for (const notice of claimed) {
      try {
        const stored = await evidence.store({
          kind: 'notice',
          batchNumber: notice.batchNumber,
          contentType: 'application/pdf',
          fileName: `${notice.noticeNumber}.pdf`,
          data: await this.renderPdf.execute(notice),
        });
        await this.dataSource.transaction(async (manager) => {
          await manager.update(
            Notice,
            { id: notice.id, evidenceObjectId: IsNull() },
            {
              evidenceObjectId: stored.objectId,
              evidenceSha256: stored.sha256,
              evidenceStoredAt: new Date(),
              evidenceAttempts: notice.evidenceAttempts + 1,
              evidenceLastError: null,
            },
          );
          await this.audit.record(
            SYSTEM_ACTOR,
            {
              action: 'notice.store-pdf',
              entityType: 'notice',
              entityId: notice.id,
              detail: {
                noticeNumber: notice.noticeNumber,
                evidenceObjectId: stored.objectId,
                sha256: stored.sha256,
              },
            },
            manager,
          );
        });
        result.stored += 1;
      } catch (error) {
        const attempts = notice.evidenceAttempts + 1;
        const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
        const message = error instanceof Error ? error.message : String(error);
        await this.dataSource.manager.update(
          Notice,
          { id: notice.id, evidenceObjectId: IsNull() },
          {
            evidenceAttempts: attempts,
            evidenceLastError: message.slice(0, 500),
            evidenceNextAttemptAt: new Date(now.getTime() + delay),
          },
        );
        this.logger.warn(
          {
            noticeNumber: notice.noticeNumber,
            batchNumber: notice.batchNumber,
            attempts,
            retryInMs: delay,
            err: message,
          },
          'notice PDF not stored as evidence yet; will retry',
        );
        result.failed += 1;
      }
    }
    return result;
  }
}
