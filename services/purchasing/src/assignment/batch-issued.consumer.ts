import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, AuditService } from '@qis/audit';
import { BatchIssued, type BatchIssuedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { AssignBuyerUseCase } from './assign-buyer.usecase';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { sellerKey } from './seller-key';

/** A batch was issued: open its purchase task and assign a buyer, in the inbox transaction. */
@Injectable()
export class BatchIssuedConsumer {
  constructor(
    private readonly assign: AssignBuyerUseCase,
    private readonly audit: AuditService,
  ) {}

  @ConsumeEvent(BatchIssued)
  async onBatchIssued(batch: BatchIssuedValue, { manager, messageId }: EventContext): Promise<void> {
    const inserted: Array<{ id: string }> = await manager.query(
      `insert into purchase_task (batch_number, plan_id, platform, seller_key, buyer_pool_id,
         unit_price_cap_fen, purchase_due_at, batch, status)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'unassigned')
       on conflict (batch_number) do nothing returning id`,
      [
        batch.batchNumber,
        batch.planId,
        batch.platform,
        sellerKey(batch.seller),
        batch.buyerPoolId ?? null,
        batch.unitPriceCapFen,
        batch.purchaseDueAt,
        JSON.stringify(batch),
      ],
    );
    // A batch number issued twice (a re-published event) keeps its first task.
    if (inserted.length === 0) return;
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'task.open',
        entityType: 'purchase-task',
        entityId: batch.batchNumber,
        detail: { planId: batch.planId, messageId },
      },
      manager,
    );
    const task = await manager.findOneByOrFail(PurchaseTask, { id: inserted[0].id });
    await this.assign.execute(manager, task, SYSTEM_ACTOR);
  }
}
