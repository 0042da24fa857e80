import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { DataSource, In, IsNull } from 'typeorm';
import type { EvidenceClient } from '../../evidence/evidence-client';
import { EVIDENCE_CLIENT } from '../../evidence/evidence-client.provider';
import { RenderTransferLetterPdfUseCase } from './render-transfer-letter-pdf.usecase';
import { TransferLetter } from './transfer-letter.entity';

const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/**
 * Stores each transfer letter's PDF through the evidence service (kind `notice`), as the notices'
 * step does: claim unstored letters (SKIP LOCKED, then a lease), upload, record the object id and
 * the SHA-256 the evidence service computed; a failure is kept and retried with backoff.
 */
@Injectable()
export class StoreTransferLettersUseCase {
  private readonly logger = new Logger('TransferLetterEvidence');

  constructor(
    private readonly dataSource: DataSource,
    private readonly renderPdf: RenderTransferLetterPdfUseCase,
    private readonly audit: AuditService,
    @Inject(EVIDENCE_CLIENT) private readonly evidence: EvidenceClient | null,
  ) {}

  get enabled(): boolean {
    return this.evidence !== null;
  }

  // A technical retry on the wall clock, not a legal clock.
  async execute(now = new Date(), limit = 20): Promise<{ stored: number; failed: number }> {
    const evidence = this.evidence;
    const result = { stored: 0, failed: 0 };
    if (!evidence) return result;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(TransferLetter, 'l')
        .where('l.evidence_object_id is null and l.evidence_next_attempt_at <= :now', { now })
        .orderBy('l.evidence_next_attempt_at', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length > 0)
        await manager.update(
          TransferLetter,
          { id: In(due.map((l) => l.id)) },
          { evidenceNextAttemptAt: new Date(now.getTime() + LEASE_MS) },
        );
      return due;
    });
    for (const letter of claimed) {
      try {
        const stored = await evidence.store({
          kind: 'notice',
          batchNumber: letter.batchNumber,
          contentType: 'application/pdf',
          fileName: `${letter.letterNumber}.pdf`,
          data: await this.renderPdf.execute(letter),
        });
        await this.dataSource.transaction(async (manager) => {
          await manager.update(
            TransferLetter,
            { id: letter.id, evidenceObjectId: IsNull() },
            {
              evidenceObjectId: stored.objectId,
              evidenceSha256: stored.sha256,
              evidenceStoredAt: new Date(),
              evidenceAttempts: letter.evidenceAttempts + 1,
              evidenceLastError: null,
            },
          );
          await this.audit.record(
            SYSTEM_ACTOR,
            {
              action: 'transfer-letter.store-pdf',
              entityType: 'case',
              entityId: letter.caseId,
              detail: {
                letterNumber: letter.letterNumber,
                evidenceObjectId: stored.objectId,
                sha256: stored.sha256,
              },
            },
            manager,
          );
        });
        result.stored += 1;
      } catch (error) {
        const attempts = letter.evidenceAttempts + 1;
        const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
        const message = error instanceof Error ? error.message : String(error);
        await this.dataSource.manager.update(
          TransferLetter,
          { id: letter.id, evidenceObjectId: IsNull() },
          {
            evidenceAttempts: attempts,
            evidenceLastError: message.slice(0, 500),
            evidenceNextAttemptAt: new Date(now.getTime() + delay),
          },
        );
        this.logger.warn(
          {
            letterNumber: letter.letterNumber,
            batchNumber: letter.batchNumber,
            attempts,
            retryInMs: delay,
            err: message,
          },
          'transfer letter PDF not stored as evidence yet; will retry',
        );
        result.failed += 1;
      }
    }
    return result;
  }
}
