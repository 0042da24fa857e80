import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { AssignBuyerUseCase } from './assign-buyer.usecase';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import type { RefuseTaskCommand } from './refuse-task.command';
import { TaskFinder } from './task-finder';
import { TaskView } from './task-view';

/** The assigned buyer refuses a batch: it goes to another eligible buyer at once. */
@Injectable()
export class RefuseTaskUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly assign: AssignBuyerUseCase,
    private readonly audit: AuditService,
  ) {}

  async execute(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    command: RefuseTaskCommand,
  ): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber, { lock: true });
      if (task.status !== 'assigned')
        throw conflict(`task is ${task.status}, not assigned`, ErrorCode.taskState);
      await manager.query(
        `update assignment set outcome = 'refused', ended_at = now(), reason = $2
         where task_id = $1 and outcome = 'active'`,
        [task.id, command.reason],
      );
      await this.audit.record(
        actor,
        {
          action: 'task.refuse',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: { buyerId: task.buyerId, reason: command.reason },
        },
        manager,
      );
      await this.assign.execute(manager, task, actor);
      return TaskView.of(await manager.findOneByOrFail(PurchaseTask, { id: task.id }));
    });
  }
}
