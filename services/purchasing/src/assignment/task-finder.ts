import { Injectable } from '@nestjs/common';
import { notFound, type Principal } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { Buyer } from '../kernel/buyer.entity';
import { PurchaseTask } from '../kernel/purchase-task.entity';

/**
 * Finds a task the caller may see: purchasing admins and approvers any, an active buyer only the
 * tasks currently assigned to them. Anything else is the same 404 as a missing batch.
 */
@Injectable()
export class TaskFinder {
  /**
   * The caller's buyer record while the buyer is active. Read on every request, so a suspended or
   * retired buyer loses their tasks and delivery details the moment the status changes.
   */
  async buyerOf(manager: EntityManager, principal: Principal): Promise<Buyer | null> {
    return manager.findOneBy(Buyer, { userId: principal.sub, status: 'active' });
  }

  async find(
    manager: EntityManager,
    principal: Principal,
    batchNumber: string,
    { lock = false }: { lock?: boolean } = {},
  ): Promise<PurchaseTask> {
    const task = await manager.findOne(PurchaseTask, {
      where: { batchNumber },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!task) throw notFound('purchase task', batchNumber);
    if (principal.roles.includes('purchasing-admin') || principal.roles.includes('approver')) return task;
    const buyer = await this.buyerOf(manager, principal);
    if (!buyer || task.buyerId !== buyer.id) throw notFound('purchase task', batchNumber);
    return task;
  }
}
