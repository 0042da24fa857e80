import type { LoggerService } from '@nestjs/common';
import { SYSTEM_ACTOR, type AuditService } from '@qis/audit';
import { In, IsNull, type DataSource, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EvidenceClient } from './evidence-client';

/** An attempt holds its rows this long; a crashed attempt is retried after it. */
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 60 * 60_000;
/**
 * PDFs of a round rendered and stored at once. Each spends most of its time waiting on the evidence
 * service (its upload to MinIO and its database), so a few at once keep a campaign's burst of
 * notices from queueing behind one another; more would only compete for the same CPU.
 */
const STORED_AT_ONCE = 4;

/** The columns a document row keeps about its PDF in the evidence store. */
export interface PdfEvidenceColumns {
  id: string;
  batchNumber: string;
  evidenceObjectId: string | null;
  evidenceSha256: string | null;
  evidenceStoredAt: Date | null;
  evidenceAttempts: number;
  evidenceLastError: string | null;
  evidenceNextAttemptAt: Date;
}

/** One kind of document whose PDF is stored as evidence (a notice, a transfer letter). */
export interface PdfEvidenceKind<T extends PdfEvidenceColumns> {
  entity: EntityTarget<T>;
  /** The document's own number, for the file name, the audit entry and the log. */
  numberOf(row: T): string;
  render(row: T): Promise<Buffer>;
  /** The audit entry of a stored PDF: its action and entity (the detail names the object and hash). */
  audit(row: T): { action: string; entityType: string; entityId: string; numberKey: string };
  /** The log line when an attempt failed. */
  retryMessage: string;
}

export interface PdfEvidenceResult {
  stored: number;
  failed: number;
  /** A round came back full and without a failure: more may be waiting, worth a round at once. */
  more: boolean;
}

/**
 * The outbox-like step that stores documents' PDFs through the evidence service. Documents are
 * created without waiting for it (an unreachable evidence service never blocks or loses one);
 * this step claims the unstored ones (SKIP LOCKED, then a lease, so no transaction stays open
 * across HTTP calls), uploads them a few at once, and records the object id and the SHA-256 the
 * evidence service computed. A failure is kept on the row and retried with exponential backoff.
 * Retries run on the wall clock, not a legal clock.
 */
export async function storePdfsAsEvidence<T extends PdfEvidenceColumns>(
  deps: { dataSource: DataSource; evidence: EvidenceClient; audit: AuditService; logger: LoggerService },
  kind: PdfEvidenceKind<T>,
  now: Date,
  limit: number,
): Promise<PdfEvidenceResult> {
  const { dataSource, evidence, audit, logger } = deps;
  const result = { stored: 0, failed: 0, more: false };
  // TypeORM cannot see that T's own columns are a partial of T while T is generic: said once, here.
  const patch = (columns: Partial<PdfEvidenceColumns>) => columns as unknown as QueryDeepPartialEntity<T>;
  const unstored = (row: T) => ({ id: row.id, evidenceObjectId: IsNull() }) as FindOptionsWhere<T>;
  const claimed = await dataSource.transaction(async (manager) => {
    const due = await manager
      .createQueryBuilder(kind.entity, 'd')
      .where('d.evidence_object_id is null and d.evidence_next_attempt_at <= :now', { now })
      .orderBy('d.evidence_next_attempt_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (due.length > 0)
      await manager.update(
        kind.entity,
        { id: In(due.map((d) => d.id)) } as FindOptionsWhere<T>,
        patch({ evidenceNextAttemptAt: new Date(now.getTime() + LEASE_MS) }),
      );
    return due;
  });
  const storeOne = async (row: T): Promise<void> => {
    const number = kind.numberOf(row);
    try {
      const stored = await evidence.store({
        kind: 'notice',
        batchNumber: row.batchNumber,
        contentType: 'application/pdf',
        fileName: `${number}.pdf`,
        data: await kind.render(row),
      });
      await dataSource.transaction(async (manager) => {
        await manager.update(
          kind.entity,
          unstored(row),
          patch({
            evidenceObjectId: stored.objectId,
            evidenceSha256: stored.sha256,
            evidenceStoredAt: new Date(),
            evidenceAttempts: row.evidenceAttempts + 1,
            evidenceLastError: null,
          }),
        );
        const { numberKey, ...entry } = kind.audit(row);
        await audit.record(
          SYSTEM_ACTOR,
          {
            ...entry,
            detail: { [numberKey]: number, evidenceObjectId: stored.objectId, sha256: stored.sha256 },
          },
          manager,
        );
      });
      result.stored += 1;
    } catch (error) {
      const attempts = row.evidenceAttempts + 1;
      const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
      const message = error instanceof Error ? error.message : String(error);
      await dataSource.manager.update(
        kind.entity,
        unstored(row),
        patch({
          evidenceAttempts: attempts,
          evidenceLastError: message.slice(0, 500),
          evidenceNextAttemptAt: new Date(now.getTime() + delay),
        }),
      );
      logger.warn(
        {
          [kind.audit(row).numberKey]: number,
          batchNumber: row.batchNumber,
          attempts,
          retryInMs: delay,
          err: message,
        },
        kind.retryMessage,
      );
      result.failed += 1;
    }
  };
  // STORED_AT_ONCE lanes, each taking every STORED_AT_ONCE-th claimed row in turn.
  await Promise.all(
    Array.from({ length: Math.min(STORED_AT_ONCE, claimed.length) }, async (_, lane) => {
      for (let i = lane; i < claimed.length; i += STORED_AT_ONCE) await storeOne(claimed[i]);
    }),
  );
  result.more = claimed.length === limit && result.failed === 0;
  return result;
}
