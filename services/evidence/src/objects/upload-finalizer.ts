import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { EvidenceStore } from '../store/evidence-store';
import { RetentionNotConfirmed } from '../store/retention-not-confirmed';
import { EvidenceObject } from './evidence-object.entity';
import { loadObject } from './load-object';
import { declaredParts } from './upload-parts';
import { partCountOf } from './upload-urls';

/** How often queued finalizations are looked for (a request also wakes the worker at once). */
const POLL_MS = 2_000;
/** A running job whose worker has not reported for this long is taken over (its process died). */
const STALE_AFTER = '2 minutes';
/** A job that failed this often (the store away, say) rejects its upload. */
const MAX_ATTEMPTS = 5;

interface Problem {
  field: string;
  reason: string;
}

/**
 * The background job behind finalize: streams the staged object through SHA-256, compares size and
 * hash with the declared ones (and, for a multipart upload whose parts were declared, each part's
 * SHA-256 with its declaration, in the same pass), copies it server-side into the locked bucket, reads the copy's
 * retention back (refusing one that is not the configured mode for at least the retention years,
 * or that cannot be read), removes the staged copy and records custody. A mismatch never reaches
 * the locked bucket: the staged bytes are deleted and the object stays on record as `rejected`.
 * Any instance's worker takes the next job (`for update skip locked`); a job whose process died is
 * taken over after STALE_AFTER.
 */
@Injectable()
export class UploadFinalizer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UploadFinalizer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EvidenceStore,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts the worker unless it is busy (then it looks again when done); it runs until no job is left. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'upload finalizer failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const result = (await this.dataSource.query(
        `update upload_finalization set status = 'running', started_at = now(), heartbeat_at = now(),
           attempts = attempts + 1
         where object_id = (select object_id from upload_finalization
                     where status = 'queued'
                        or (status = 'running' and heartbeat_at < now() - interval '${STALE_AFTER}')
                     order by requested_at limit 1 for update skip locked)
         returning object_id, actor, extraction, attempts`,
      )) as unknown[];
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{
        object_id: string;
        actor: AuditActor;
        extraction: ExtractionFacts;
        attempts: number;
      }>;
      const job = rows[0];
      if (!job) return;
      await this.run(job.object_id, job.actor, job.extraction, job.attempts);
    }
  }

  private async run(id: string, by: AuditActor, from: ExtractionFacts, attempts: number): Promise<void> {
    const heartbeat = setInterval(() => {
      void this.dataSource
        .query('update upload_finalization set heartbeat_at = now() where object_id = $1', [id])
        .catch(() => undefined);
    }, 30_000);
    try {
      await this.finalize(id, by, from);
    } catch (error) {
      const message = (error as Error).message;
      this.logger.warn({ err: error, object: id, attempts }, 'upload finalization failed');
      if (attempts >= MAX_ATTEMPTS) {
        await this.reject(id, by, [
          { field: 'objectId', reason: `finalization failed ${attempts} times: ${message}` },
        ]);
      } else {
        await this.dataSource.query(
          `update upload_finalization set status = 'queued', error = $2 where object_id = $1`,
          [id, message],
        );
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async finalize(id: string, by: AuditActor, from: ExtractionFacts): Promise<void> {
    const object = await loadObject(this.dataSource.manager, id);
    if (object.status !== 'pending') {
      await this.done(id);
      return;
    }
    let staged: { sha256: string; size: number; parts: string[] };
    try {
      staged = await this.store.hashStaged(
        object.objectKey,
        object.partsDeclared ? (object.partSize ?? undefined) : undefined,
      );
    } catch (error) {
      if ((error as { code?: string }).code !== 'NoSuchKey') throw error;
      await this.reject(id, by, [
        { field: 'objectId', reason: 'the staged upload is gone (it expired before it was finalized)' },
      ]);
      return;
    }
    const problems: Problem[] = [];
    if (staged.size !== object.declaredSize)
      problems.push({
        field: 'size',
        reason: `declared ${object.declaredSize} bytes, stored ${staged.size}`,
      });
    if (staged.sha256 !== object.declaredSha256)
      problems.push({
        field: 'sha256',
        reason: `declared ${object.declaredSha256}, stored bytes hash to ${staged.sha256}`,
      });
    problems.push(...(await this.partProblems(object, staged.parts)));
    if (problems.length > 0) {
      await this.reject(id, by, problems, staged);
      await this.store.removeStaged(object.objectKey).catch(() => undefined);
      return;
    }

    const versionId = await this.store.copyIntoLocked(object.objectKey, staged.size);
    const retention = await this.checkRetention(object.objectKey, versionId);
    if ('refused' in retention) {
      const removed = await this.store.removeRefusedCopy(object.objectKey, versionId);
      await this.reject(
        id,
        by,
        [
          {
            field: 'retention',
            reason: `${retention.refused}${removed ? '' : `; the copy (version ${versionId}) could not be removed`}`,
          },
        ],
        staged,
      );
      await this.store.removeStaged(object.objectKey).catch(() => undefined);
      return;
    }

    await this.dataSource.transaction(async (manager) => {
      const locked = await loadObject(manager, id, true);
      if (locked.status !== 'pending') return;
      await manager.update(
        EvidenceObject,
        { id },
        {
          status: 'stored',
          sha256: staged.sha256,
          size: staged.size,
          versionId,
          retainUntil: retention.retainUntil,
          storedAt: new Date(),
          uploadId: null,
        },
      );
      await this.ledger.append(manager, by, from, {
        action: 'upload',
        subjectType: 'object',
        subjectId: id,
        batchNumber: object.batchNumber,
        objectSha256: staged.sha256,
        objectVersionId: versionId,
        detail: {
          kind: object.kind,
          size: staged.size,
          contentType: object.contentType,
          objectKey: object.objectKey,
        },
      });
      await this.audit.record(
        by,
        {
          action: 'evidence.upload.finalize',
          entityType: 'evidence-object',
          entityId: id,
          detail: { sha256: staged.sha256, size: staged.size },
        },
        manager,
      );
      await manager.query(
        `update upload_finalization set status = 'done', finished_at = now(), error = null where object_id = $1`,
        [id],
      );
    });
    // After the commit: should this fail, the staging bucket's lifecycle rule removes it.
    await this.store.removeStaged(object.objectKey).catch(() => undefined);
  }

  /** The copy's retention: the configured mode, for at least the retention years; unreadable is refused. */
  private async checkRetention(
    key: string,
    versionId: string,
  ): Promise<{ retainUntil: Date } | { refused: string }> {
    try {
      return { retainUntil: await this.store.confirmRetention(key, versionId) };
    } catch (error) {
      if (error instanceof RetentionNotConfirmed) return { refused: error.reason };
      throw error;
    }
  }

  /** Each staged part against the size and SHA-256 its uploader declared (declared uploads only). */
  private async partProblems(object: EvidenceObject, hashed: string[]): Promise<Problem[]> {
    if (!object.partsDeclared) return [];
    const declared = await declaredParts(this.dataSource.manager, object.id);
    const problems: Problem[] = [];
    for (let n = 1; n <= partCountOf(object); n++) {
      const part = declared.find((p) => p.partNumber === n);
      if (!part) problems.push({ field: 'parts', reason: `part ${n} was never declared` });
      else if (hashed[n - 1] !== part.sha256)
        problems.push({
          field: 'parts',
          reason: `part ${n} hashes to ${hashed[n - 1] ?? '(missing)'}, declared ${part.sha256}`,
        });
    }
    return problems;
  }

  private async reject(
    id: string,
    by: AuditActor,
    problems: Problem[],
    staged?: { sha256: string; size: number },
  ): Promise<void> {
    const rejection = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    this.logger.warn(`upload ${id} rejected: ${rejection}`);
    await this.dataSource.transaction(async (manager) => {
      const locked = await loadObject(manager, id, true);
      if (locked.status === 'pending') {
        await manager.update(
          EvidenceObject,
          { id },
          {
            status: 'rejected',
            rejection,
            sha256: staged?.sha256 ?? null,
            size: staged?.size ?? null,
            uploadId: null,
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
      }
      await manager.query(
        `update upload_finalization set status = 'done', finished_at = now(), problems = $2 where object_id = $1`,
        [id, JSON.stringify(problems)],
      );
    });
  }

  private async done(id: string): Promise<void> {
    await this.dataSource.query(
      `update upload_finalization set status = 'done', finished_at = now() where object_id = $1`,
      [id],
    );
  }
}
