import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { TaskFinder } from '../assignment/task-finder';
import { TaskView } from '../assignment/task-view';
import type { ApprovePriceCommand } from './approve-price.command';

/** An approver accepts a price above the plan's unit price cap; the purchase then counts as done. */
@Injectable()
export class ApprovePriceUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly audit: AuditService,
  ) {}

  async execute(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    command: ApprovePriceCommand,
  ): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber, { lock: true });
      if (task.status !== 'awaiting-price-approval')
        throw conflict(`task is ${task.status}, no price to approve`, ErrorCode.taskState);
      const now = new Date();
      await manager.update(PurchaseTask, task.id, {
        status: 'purchased',
        priceApprovedBy: actor.actor,
        priceApprovedAt: now,
        updatedAt: now,
      });
      await this.audit.record(
        actor,
        {
          action: 'purchase.price.approve',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: {
            unitPriceFen: task.purchase?.unitPriceFen,
            capFen: task.unitPriceCapFen,
            note: command.note,
          },
        },
        manager,
      );
      return TaskView.of(await manager.findOneByOrFail(PurchaseTask, { id: task.id }));
    });
  }
}
