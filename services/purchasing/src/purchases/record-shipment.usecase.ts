import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { OrderPlaced, type OrderPlacedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { TaskFinder } from '../assignment/task-finder';
import { TaskView } from '../assignment/task-view';
import type { RecordShipmentCommand } from './record-shipment.command';

/**
 * The seller shipped: record carrier and tracking number and publish order-placed with what
 * intake needs to match the parcel. Built field by field so no buyer, account or address can
 * slip in.
 */
@Injectable()
export class RecordShipmentUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  async execute(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    command: RecordShipmentCommand,
  ): Promise<TaskView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber, { lock: true });
      if (task.status !== 'purchased' || !task.purchase)
        throw conflict(
          `task is ${task.status}: a shipment needs a completed (and, above the cap, approved) purchase`,
          ErrorCode.taskState,
        );
      const shippedAt = command.shippedAt ? new Date(command.shippedAt) : new Date();
      const p = task.purchase;
      const value: OrderPlacedValue = {
        batchNumber: task.batchNumber,
        orderNumber: p.orderNumber,
        orderedAt: new Date(p.orderedAt).toISOString(),
        ...(p.platform ? { platform: p.platform } : {}),
        listing: task.batch.listing,
        seller: p.seller,
        quantity: { testUnits: p.quantity.testUnits, backupUnits: p.quantity.backupUnits },
        unitPriceFen: p.unitPriceFen,
        shippingFeeFen: p.shippingFeeFen,
        totalPaidFen: p.totalPaidFen,
        ...(p.monthlySales !== undefined ? { monthlySales: p.monthlySales } : {}),
        ...(p.stock !== undefined ? { stock: p.stock } : {}),
        carrier: command.carrier,
        trackingNumber: command.trackingNumber,
        shippedAt: shippedAt.toISOString(),
        evidencePackageId: task.evidencePackageId,
      };
      await manager.update(PurchaseTask, task.id, {
        status: 'shipped',
        carrier: command.carrier,
        trackingNumber: command.trackingNumber,
        shippedAt,
        updatedAt: new Date(),
      });
      await this.audit.record(
        actor,
        {
          action: 'purchase.ship',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: { carrier: command.carrier, trackingNumber: command.trackingNumber },
        },
        manager,
      );
      await this.outbox.publish(manager, [{ contract: OrderPlaced, key: task.batchNumber, value }]);
      return TaskView.of(await manager.findOneByOrFail(PurchaseTask, { id: task.id }));
    });
  }
}
