import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignBuyerUseCase } from '../assignment/assign-buyer.usecase';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { Buyer } from '../kernel/buyer.entity';
import type { ChangeStatusCommand } from './change-status.command';
import { ShoppingAccount } from '../kernel/shopping-account.entity';

/**
 * Suspends, retires or reactivates a buyer or one shopping account; only active ones are assigned.
 * A buyer who stops being active loses their tasks at once: batches not yet bought go to another
 * buyer now instead of waiting for the assignment deadline.
 */
@Injectable()
export class ChangeStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly assign: AssignBuyerUseCase,
  ) {}

  async execute(
    actor: AuditActor,
    target: { kind: 'buyer' | 'shopping-account'; id: string; buyerId?: string },
    command: ChangeStatusCommand,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result =
        target.kind === 'buyer'
          ? await manager.update(Buyer, target.id, { status: command.status, updatedAt: new Date() })
          : await manager.update(
              ShoppingAccount,
              { id: target.id, buyerId: target.buyerId },
              { status: command.status },
            );
      if (!result.affected) throw notFound(target.kind, target.id);
      await this.audit.record(
        actor,
        {
          action: `${target.kind}.status`,
          entityType: target.kind,
          entityId: target.id,
          detail: { status: command.status },
        },
        manager,
      );
      if (target.kind === 'buyer' && command.status !== 'active')
        await this.withdrawTasks(manager, actor, target.id, command.status);
    });
  }

  private async withdrawTasks(
    manager: EntityManager,
    actor: AuditActor,
    buyerId: string,
    status: string,
  ): Promise<void> {
    const tasks = await manager.find(PurchaseTask, {
      where: { buyerId, status: 'assigned' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const task of tasks) {
      await manager.query(
        `update assignment set outcome = 'withdrawn', ended_at = now(), reason = $2
         where task_id = $1 and outcome = 'active'`,
        [task.id, `buyer ${status}`],
      );
      await this.audit.record(
        actor,
        {
          action: 'task.withdraw',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: { buyerId, reason: `buyer ${status}` },
        },
        manager,
      );
      await this.assign.execute(manager, task, actor);
    }
  }
}
