import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { VerifyCustodyUseCase } from '../verify-custody.usecase';
import { CustodyVerificationView } from './custody-verification.view';

/** How often queued verifications are looked for (a request also wakes the worker at once). */
const POLL_MS = 2_000;
/** A running verification whose worker has not reported for this long is taken over (its process died). */
const STALE_AFTER = '2 minutes';

/**
 * Custody verification as a background job: a request is queued and answered at once; a worker
 * (one job at a time per process, any number of processes: `for update skip locked`) walks the
 * chain and re-hashes the objects, keeping the row's progress and heartbeat current; the report is
 * kept with the job and audited. A job whose process died is resumed by another after STALE_AFTER.
 */
@Injectable()
export class CustodyVerifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CustodyVerifications.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly verify: VerifyCustodyUseCase,
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

  async request(actor: AuditActor, batchNumber: string | undefined): Promise<CustodyVerificationView> {
    const [row] = (await this.dataSource.query(
      `insert into custody_verification (id, batch_number, requested_by, requested_at, status)
       values ($1, $2, $3, now(), 'queued') returning *`,
      [randomUUID(), batchNumber ?? null, actor.actor],
    )) as Array<Record<string, unknown>>;
    await this.audit.record(actor, {
      action: 'custody.verification.request',
      entityType: 'custody-verification',
      entityId: row['id'] as string,
      detail: batchNumber ? { batchNumber } : {},
    });
    this.kick();
    return CustodyVerificationView.of(row);
  }

  async find(id: string): Promise<CustodyVerificationView> {
    const [row] = (await this.dataSource.query('select * from custody_verification where id = $1', [
      id,
    ])) as Array<Record<string, unknown>>;
    if (!row) throw notFound('custody verification', id);
    return CustodyVerificationView.of(row);
  }

  /** Starts the worker unless it is busy; it runs until no job is left. */
  kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'custody verification worker failed'))
      .finally(() => (this.running = undefined));
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const result = (await this.dataSource.query(
        `update custody_verification set status = 'running', started_at = coalesce(started_at, now()),
           heartbeat_at = now()
         where id = (select id from custody_verification
                     where status = 'queued'
                        or (status = 'running' and heartbeat_at < now() - interval '${STALE_AFTER}')
                     order by requested_at limit 1 for update skip locked)
         returning id, batch_number, requested_by`,
      )) as unknown[];
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const rows = (Array.isArray(result[0]) ? result[0] : result) as Array<{
        id: string;
        batch_number: string | null;
        requested_by: string;
      }>;
      const claimed = rows[0];
      if (!claimed) return;
      await this.run(claimed.id, claimed.batch_number ?? undefined, claimed.requested_by);
    }
  }

  private async run(id: string, batchNumber: string | undefined, requestedBy: string): Promise<void> {
    try {
      const report = await this.verify.execute(batchNumber, async (p) => {
        await this.dataSource.query(
          `update custody_verification set entries_checked = $2, objects_checked = $3, objects_total = $4,
             heartbeat_at = now() where id = $1`,
          [id, p.entriesChecked, p.objectsChecked, p.objectsTotal],
        );
      });
      await this.dataSource.query(
        `update custody_verification set status = 'done', finished_at = now(), heartbeat_at = now(),
           entries_checked = $2, objects_checked = $3, report = $4 where id = $1`,
        [id, report.entriesChecked, report.objectsChecked, JSON.stringify(report)],
      );
      await this.audit.record(
        { actor: requestedBy, roles: [] },
        {
          action: 'custody.verify',
          entityType: 'custody-verification',
          entityId: id,
          outcome: report.intact ? 'success' : 'failure',
          detail: { ...report },
        },
      );
    } catch (error) {
      this.logger.error({ err: error, verification: id }, 'custody verification failed');
      await this.dataSource.query(
        `update custody_verification set status = 'failed', finished_at = now(), error = $2 where id = $1`,
        [id, (error as Error).message],
      );
    }
  }
}
