import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { DataSource } from 'typeorm';
import { PurchasingConfig } from '../purchasing.config';
import { AssignBuyerUseCase } from './assign-buyer.usecase';
import { PurchaseTask } from '../kernel/purchase-task.entity';

/**
 * Loop over the due table: an assignment whose buyer has not recorded the order by its deadline
 * is ended (timed-out) and the batch goes to another buyer; batches still waiting for a buyer
 * are tried again (a buyer may have been qualified since). Safe with several instances
 * (`for update skip locked`).
 */
@Injectable()
export class AssignmentScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssignmentScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: PurchasingConfig,
    private readonly assign: AssignBuyerUseCase,
    private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ err: error }, 'assignment scheduler tick failed'))
        .finally(() => (this.running = undefined));
    }, this.config.PURCHASING_SCHEDULER_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns how many tasks it handled. */
  async tick(): Promise<number> {
    let handled = 0;
    for (;;) {
      // Waiting batches are tried only while some qualified buyer has a free slot: in a big
      // campaign thousands wait while every buyer is busy, and trying each of them every pass
      // kept a database core busy for nothing.
      const tryWaiting = await this.anyBuyerHasRoom();
      const done = await this.dataSource.transaction(async (manager) => {
        const [task] = await manager
          .createQueryBuilder(PurchaseTask, 't')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`(t.status = 'assigned' and t.assignment_due_at < now())`)
          .orWhere(
            `(:tryWaiting and t.status = 'unassigned' and t.updated_at < now() - interval '1 second')`,
            { tryWaiting },
          )
          .orderBy('t.created_at')
          .limit(1)
          .getMany();
        if (!task) return false;
        if (task.status === 'assigned') {
          await manager.query(
            `update assignment set outcome = 'timed-out', ended_at = now(), reason = 'deadline passed'
             where task_id = $1 and outcome = 'active'`,
            [task.id],
          );
          await this.audit.record(
            SYSTEM_ACTOR,
            {
              action: 'task.timeout',
              entityType: 'purchase-task',
              entityId: task.batchNumber,
              detail: { buyerId: task.buyerId, dueAt: task.assignmentDueAt },
            },
            manager,
          );
        }
        await this.assign.execute(manager, task, SYSTEM_ACTOR, { recordWaiting: task.status === 'assigned' });
        return true;
      });
      if (!done) return handled;
      handled++;
    }
  }

  /** Whether a qualified buyer is under the workload limit (pool, platform and seller aside). */
  private async anyBuyerHasRoom(): Promise<boolean> {
    const [row] = (await this.dataSource.query(
      `select exists (
         select 1 from buyer b
         where b.status = 'active'
           and b.commitment_signed_on is not null and b.commitment_evidence_id is not null
           and b.training_completed_on is not null
           and (select count(*) from purchase_task t where t.buyer_id = b.id
                  and t.status in ('assigned', 'awaiting-price-approval', 'purchased')) < $1
       ) as room`,
      [this.config.PURCHASING_MAX_OPEN_TASKS],
    )) as Array<{ room: boolean }>;
    return row.room;
  }
}
