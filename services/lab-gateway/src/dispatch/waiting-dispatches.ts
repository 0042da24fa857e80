import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import { DataSource, type EntityManager } from 'typeorm';
import type { Assignment } from './assignment.entity';
import type { DispatchSampleCommand } from './dispatch-sample.command';
import { DispatchSampleUseCase } from './dispatch-sample.usecase';
import { NoQualifiedLabError } from './no-qualified-lab.error';
import { WaitingDispatch } from './waiting-dispatch.entity';
import { Clock } from '../clock/clock';

/**
 * A sample no lab can take is never lost: it waits (one row per batch and purpose), is alerted
 * once (warn log `alert: sample-waiting-for-lab` and the audit log), and is drawn again by `retry`
 * until a lab takes it.
 */
@Injectable()
export class WaitingDispatches {
  private readonly logger = new Logger(WaitingDispatches.name);
  /** Samples this process last saw waiting: capacity freed is worth a retry only when there are any. */
  private waiting = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatch: DispatchSampleUseCase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get anyWaiting(): boolean {
    return this.waiting > 0;
  }

  /** Draws a lab, or keeps the sample waiting (null) when none can take it, in the caller's transaction. */
  async dispatchOrWait(
    manager: EntityManager,
    cmd: DispatchSampleCommand,
    actor: AuditActor,
  ): Promise<Assignment | null> {
    try {
      return await this.dispatch.execute(manager, cmd, actor);
    } catch (error) {
      if (!(error instanceof NoQualifiedLabError)) throw error;
      await this.park(manager, cmd, error);
      return null;
    }
  }

  /** Draws again every waiting sample a lab can now take (oldest first); how many were dispatched. */
  async retry(now = this.clock.now()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Several instances: each takes other rows, never the same one twice.
      const open = await manager
        .createQueryBuilder(WaitingDispatch, 'w')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('w.dispatched_at is null')
        .orderBy('w.waiting_since')
        .limit(100)
        .getMany();
      let dispatched = 0;
      for (const w of open) {
        try {
          const assignment = await this.dispatch.execute(manager, { ...w.draw, at: now }, SYSTEM_ACTOR);
          await manager.update(
            WaitingDispatch,
            { id: w.id },
            { dispatchedAt: now, assignmentId: assignment.id },
          );
          await this.audit.record(
            SYSTEM_ACTOR,
            {
              action: 'dispatch.waiting.resolved',
              entityType: 'assignment',
              entityId: assignment.id,
              detail: {
                batchNumber: w.batchNumber,
                purpose: w.purpose,
                waitingSince: w.waitingSince.toISOString(),
              },
            },
            manager,
          );
          this.logger.log(
            { batchNumber: w.batchNumber, labId: assignment.labId, waitingSince: w.waitingSince },
            'waiting sample dispatched',
          );
          dispatched++;
        } catch (error) {
          if (!(error instanceof NoQualifiedLabError)) throw error;
          await manager.update(
            WaitingDispatch,
            { id: w.id },
            { attempts: w.attempts + 1, lastAttemptAt: now, exclusions: error.exclusions },
          );
        }
      }
      this.waiting = open.length - dispatched;
      return dispatched;
    });
  }

  private async park(
    manager: EntityManager,
    cmd: DispatchSampleCommand,
    error: NoQualifiedLabError,
  ): Promise<void> {
    const { at, ...draw } = cmd;
    const [row] = (await manager.query(
      `insert into waiting_dispatch (id, batch_number, purpose, draw, exclusions, waiting_since, attempts, last_attempt_at)
       values ($1, $2, $3, $4, $5, $6, 1, $6)
       on conflict (batch_number, purpose) where dispatched_at is null
       do update set draw = excluded.draw, exclusions = excluded.exclusions,
         attempts = waiting_dispatch.attempts + 1, last_attempt_at = excluded.last_attempt_at
       returning id, attempts`,
      [
        randomUUID(),
        cmd.batchNumber,
        cmd.purpose,
        JSON.stringify(draw),
        JSON.stringify(error.exclusions),
        at,
      ],
    )) as Array<{ id: string; attempts: number }>;
    this.waiting++;
    if (row.attempts > 1) return;
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'dispatch.waiting',
        entityType: 'waiting-dispatch',
        entityId: row.id,
        outcome: 'failure',
        detail: {
          batchNumber: cmd.batchNumber,
          purpose: cmd.purpose,
          category: cmd.category,
          reason: error.message,
          exclusions: error.exclusions,
        },
      },
      manager,
    );
    this.logger.warn(
      {
        alert: 'sample-waiting-for-lab',
        batchNumber: cmd.batchNumber,
        purpose: cmd.purpose,
        category: cmd.category,
        exclusions: error.exclusions,
      },
      'no lab can take the sample: it waits and is drawn again when a lab becomes available',
    );
  }
}
