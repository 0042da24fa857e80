import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { PurchasingConfig } from '../purchasing.config';
import { Assignment } from './assignment.entity';
import { PurchaseTask } from '../kernel/purchase-task.entity';

interface Candidate {
  buyer_id: string;
  account_id: string;
}

/**
 * Gives a task to an eligible buyer: active, committed (承诺书) and trained, in the plan's buyer
 * pool, under the workload limit, with an active account on the batch's platform; neither buyer
 * nor account nor address blacklisted by this seller; no account or address this seller saw in
 * its last N purchases. Assignments are serialized so two batches can't both take a buyer's
 * last free slot.
 */
@Injectable()
export class AssignBuyerUseCase {
  private readonly logger = new Logger(AssignBuyerUseCase.name);

  constructor(
    private readonly config: PurchasingConfig,
    private readonly audit: AuditService,
  ) {}

  /** Returns true when a buyer was assigned; otherwise the task is left unassigned for the scheduler. */
  async execute(
    manager: EntityManager,
    task: PurchaseTask,
    actor: AuditActor,
    { recordWaiting = true }: { recordWaiting?: boolean } = {},
  ): Promise<boolean> {
    await manager.query(`select pg_advisory_xact_lock(hashtext('purchasing.assignment'))`);
    const tried: Array<{ buyer_id: string }> = await manager.query(
      `select distinct buyer_id from assignment where task_id = $1 and outcome in ('refused', 'timed-out')`,
      [task.id],
    );
    const params = [
      task.platform,
      task.sellerKey,
      task.buyerPoolId,
      this.config.PURCHASING_ROTATION_WINDOW,
      this.config.PURCHASING_MAX_OPEN_TASKS,
      tried.map((t) => t.buyer_id),
    ];
    const recent = `select account_id from assignment
      where seller_key = $2 and outcome <> 'refused' order by assigned_at desc limit $4`;
    const [candidate]: Candidate[] = await manager.query(
      `with recent as (${recent}),
       open_tasks as (
         select buyer_id, count(*)::int as n from purchase_task
         where status in ('assigned', 'awaiting-price-approval', 'purchased') and buyer_id is not null
         group by buyer_id)
       select b.id as buyer_id, a.id as account_id
       from buyer b
       join shopping_account a on a.buyer_id = b.id and a.platform = $1 and a.status = 'active'
       left join open_tasks o on o.buyer_id = b.id
       where b.status = 'active'
         and b.commitment_signed_on is not null and b.commitment_evidence_id is not null
         and b.training_completed_on is not null
         and ($3::uuid is null or exists
               (select 1 from buyer_pool_member m where m.pool_id = $3 and m.buyer_id = b.id))
         and coalesce(o.n, 0) < $5
         and not exists (select 1 from seller_blacklist_entry x where x.seller_key = $2 and
               ((x.target_kind = 'buyer' and x.target_id = b.id) or (x.target_kind = 'account' and x.target_id = a.id)))
         and a.id not in (select account_id from recent)
         and b.id <> all($6::uuid[])
       order by coalesce(o.n, 0), a.last_used_at nulls first, random()
       limit 1`,
      params,
    );
    const [address]: Array<{ id: string }> = candidate
      ? await manager.query(
          `with recent as (select address_id from assignment
             where seller_key = $1 and outcome <> 'refused' order by assigned_at desc limit $2)
           select r.id from receiving_address r
           where r.status = 'active'
             and not exists (select 1 from seller_blacklist_entry x
                  where x.seller_key = $1 and x.target_kind = 'address' and x.target_id = r.id)
             and r.id not in (select address_id from recent)
           order by r.last_used_at nulls first, random()
           limit 1`,
          [task.sellerKey, this.config.PURCHASING_ROTATION_WINDOW],
        )
      : [];
    if (!candidate || !address) {
      const reason = candidate ? 'no eligible receiving address' : 'no eligible buyer';
      await manager.update(PurchaseTask, task.id, {
        status: 'unassigned',
        buyerId: null,
        accountId: null,
        addressId: null,
        assignmentDueAt: null,
        updatedAt: new Date(),
      });
      // The scheduler retries waiting batches every few seconds: record the wait once, not each try.
      if (!recordWaiting) return false;
      await this.audit.record(
        actor,
        {
          action: 'task.unassigned',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          outcome: 'failure',
          detail: { reason },
        },
        manager,
      );
      this.logger.warn({ batchNumber: task.batchNumber, reason }, 'batch waits for a buyer');
      return false;
    }
    const now = new Date();
    const timeout = new Date(now.getTime() + this.config.PURCHASING_ASSIGNMENT_TIMEOUT_SECONDS * 1000);
    const dueAt = task.purchaseDueAt > now && task.purchaseDueAt < timeout ? task.purchaseDueAt : timeout;
    await manager.insert(Assignment, {
      taskId: task.id,
      sellerKey: task.sellerKey,
      buyerId: candidate.buyer_id,
      accountId: candidate.account_id,
      addressId: address.id,
      dueAt,
      outcome: 'active',
    });
    await manager.update(PurchaseTask, task.id, {
      status: 'assigned',
      buyerId: candidate.buyer_id,
      accountId: candidate.account_id,
      addressId: address.id,
      assignmentDueAt: dueAt,
      updatedAt: now,
    });
    await manager.query('update shopping_account set last_used_at = now() where id = $1', [
      candidate.account_id,
    ]);
    await manager.query('update receiving_address set last_used_at = now() where id = $1', [address.id]);
    await this.audit.record(
      actor,
      {
        action: 'task.assign',
        entityType: 'purchase-task',
        entityId: task.batchNumber,
        detail: {
          buyerId: candidate.buyer_id,
          accountId: candidate.account_id,
          addressId: address.id,
          dueAt,
        },
      },
      manager,
    );
    return true;
  }
}
