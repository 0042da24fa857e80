import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { TaskFinder } from '../assignment/task-finder';
import { TaskView } from '../assignment/task-view';
import type { PurchaseRecordCommand } from '../kernel/purchase-record.command';

/** The assigned buyer saves the purchase record (again and again, until they complete it). */
@Injectable()
export class RecordPurchaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly audit: AuditService,
  ) {}

  async execute(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    command: PurchaseRecordCommand,
  ): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber, { lock: true });
      if (task.status !== 'assigned')
        throw conflict(
          `task is ${task.status}: the purchase record can no longer change`,
          ErrorCode.taskState,
        );
      const { evidence, ...purchase } = command;
      await manager.update(PurchaseTask, task.id, {
        purchase: { ...purchase, evidence: [] },
        evidence,
        updatedAt: new Date(),
      });
      await this.audit.record(
        actor,
        {
          action: 'purchase.record',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: { orderNumber: command.orderNumber, evidenceItems: evidence.length },
        },
        manager,
      );
      return TaskView.of(await manager.findOneByOrFail(PurchaseTask, { id: task.id }));
    });
  }
}
