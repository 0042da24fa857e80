import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import { EvidenceStore } from '../store/evidence-store';
import { CustodyCheckpoints, type CheckpointCheck } from './checkpoints/custody-checkpoints';
import { CustodyEntry } from './custody-entry.entity';
import { entryHash, GENESIS_HASH } from './custody-hash';
import type { CustodyBreak, CustodyReport } from './custody-report.view';

const PAGE = 1_000;
const NO_CHECKPOINTS: CheckpointCheck = { checked: 0, lastGenTime: null };
/** Objects between two progress reports. */
const PROGRESS_EVERY = 25;

export interface VerifyProgress {
  entriesChecked: number;
  objectsChecked: number;
  objectsTotal: number;
}

/**
 * Recomputes the custody chain from the first entry (each hash, each link to the previous one),
 * then re-hashes every uploaded object as the store serves it now, against the hash and version
 * the chain recorded (except those the ledger records as deleted after retention), after holding
 * the chain to its timestamped checkpoints (a cut end or a re-hashed chain). Reports the first break.
 * With `batchNumber`, the whole chain is still checked (a batch's entries are only as
 * sound as the chain they are linked into) but only that batch's objects are re-hashed.
 */
@Injectable()
export class VerifyCustodyUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly checkpoints: CustodyCheckpoints,
  ) {}

  /**
   * `onProgress` hears after the chain walk and every PROGRESS_EVERY objects (a background
   * verification keeps its row and heartbeat current with it).
   */
  async execute(
    batchNumber?: string,
    onProgress?: (progress: VerifyProgress) => Promise<void>,
  ): Promise<CustodyReport> {
    const checkedAt = new Date().toISOString();
    const uploads = new Map<string, CustodyEntry>();
    let prevHash = GENESIS_HASH;
    let lastSeq = '0';
    let entriesChecked = 0;
    const repo = this.dataSource.getRepository(CustodyEntry);
    for (;;) {
      const page = await repo.find({ where: { seq: MoreThan(lastSeq) }, order: { seq: 'ASC' }, take: PAGE });
      if (page.length === 0) break;
      for (const entry of page) {
        entriesChecked++;
        const { hash: recorded, ...covered } = entry;
        const recomputed = entryHash(covered);
        let reason: string | null = null;
        if (entry.prevHash !== prevHash)
          reason = `links to ${entry.prevHash}, but the entry before it hashes to ${prevHash} (an entry was removed or altered)`;
        else if (recomputed !== recorded)
          reason = `content hashes to ${recomputed}, the entry says ${recorded} (the entry was altered)`;
        if (reason) {
          return this.report(checkedAt, entriesChecked, 0, batchNumber, NO_CHECKPOINTS, {
            kind: 'ledger-entry',
            seq: entry.seq,
            reason,
          });
        }
        if (entry.subjectType === 'object') {
          if (entry.action === 'upload') {
            if (batchNumber === undefined || entry.batchNumber === batchNumber)
              uploads.set(entry.subjectId, entry);
          }
          // Removed by the store after its retention ended: the ledger says so, nothing left to hash.
          else if (entry.action === 'delete') uploads.delete(entry.subjectId);
        }
        prevHash = entry.hash;
        lastSeq = entry.seq;
      }
    }

    await onProgress?.({ entriesChecked, objectsChecked: 0, objectsTotal: uploads.size });
    // The chain is consistent with itself; it must also be the chain each checkpoint saw.
    const checkpoints = await this.checkpoints.check();
    if (checkpoints.firstBreak)
      return this.report(checkedAt, entriesChecked, 0, batchNumber, checkpoints, checkpoints.firstBreak);

    let objectsChecked = 0;
    for (const [objectId, upload] of uploads) {
      objectsChecked++;
      const key = upload.detail['objectKey'];
      if (typeof key !== 'string') {
        return this.report(checkedAt, entriesChecked, objectsChecked, batchNumber, checkpoints, {
          kind: 'object',
          seq: upload.seq,
          objectId,
          reason: 'upload entry names no object key',
        });
      }
      const problem = await this.objectProblem(key, upload);
      if (problem)
        return this.report(checkedAt, entriesChecked, objectsChecked, batchNumber, checkpoints, {
          kind: 'object',
          seq: upload.seq,
          objectId,
          reason: problem,
        });
      if (onProgress && (objectsChecked % PROGRESS_EVERY === 0 || objectsChecked === uploads.size))
        await onProgress({ entriesChecked, objectsChecked, objectsTotal: uploads.size });
    }
    return this.report(checkedAt, entriesChecked, objectsChecked, batchNumber, checkpoints);
  }

  /**
   * Why an uploaded object no longer proves what the ledger recorded, or null: the version the
   * ledger recorded must still be in the store with the bytes it hashed (object lock keeps it), and
   * it must still be the version the key serves (new bytes put over the key are a new version).
   */
  private async objectProblem(key: string, upload: CustodyEntry): Promise<string | null> {
    const recorded = upload.objectVersionId ?? undefined;
    try {
      await this.store.versionOf(key, recorded);
    } catch (error) {
      return `object ${key} (version ${recorded}) is missing from the store: ${(error as Error).message}`;
    }
    const { sha256 } = await this.store.hash(key, recorded);
    if (sha256 !== upload.objectSha256)
      return `bytes of ${key} version ${recorded} hash to ${sha256}; the ledger recorded ${upload.objectSha256}`;
    const current = await this.store.versionOf(key);
    if (current.versionId === recorded) return null;
    const served = await this.store.hash(key, current.versionId);
    return served.sha256 !== upload.objectSha256
      ? `bytes served under ${key} (version ${current.versionId}) hash to ${served.sha256}; the ledger recorded ${upload.objectSha256} for version ${recorded}`
      : `version ${current.versionId} now stands under ${key}; the ledger recorded version ${recorded}`;
  }

  private report(
    checkedAt: string,
    entriesChecked: number,
    objectsChecked: number,
    batchNumber: string | undefined,
    checkpoints: CheckpointCheck,
    firstBreak?: CustodyBreak,
  ): CustodyReport {
    return {
      ...(batchNumber !== undefined ? { batchNumber } : {}),
      intact: !firstBreak,
      entriesChecked,
      objectsChecked,
      checkpointsChecked: checkpoints.checked,
      ...(checkpoints.lastGenTime ? { lastCheckpointAt: checkpoints.lastGenTime } : {}),
      ...(firstBreak ? { firstBreak } : {}),
      checkedAt,
    };
  }
}
