import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import type { RecordBlacklistCommand } from './record-blacklist.command';

/** Records a seller's blacklisting; assignment never uses that buyer, account or address for the seller again. */
@Injectable()
export class RecordBlacklistUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, command: RecordBlacklistCommand): Promise<{ sellerKey: string }> {
    return this.dataSource.transaction(async (manager) => {
      const task = await manager.findOneBy(PurchaseTask, { batchNumber: command.batchNumber });
      if (!task) throw notFound('purchase task', command.batchNumber);
      await manager.query(
        `insert into seller_blacklist_entry (seller_key, target_kind, target_id, batch_number, observed_on, note, recorded_by)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (seller_key, target_kind, target_id) do nothing`,
        [
          task.sellerKey,
          command.targetKind,
          command.targetId,
          command.batchNumber,
          command.observedOn.slice(0, 10),
          command.note ?? null,
          actor.actor,
        ],
      );
      await this.audit.record(
        actor,
        {
          action: 'blacklist.record',
          entityType: 'seller',
          entityId: task.sellerKey,
          detail: {
            targetKind: command.targetKind,
            targetId: command.targetId,
            batchNumber: command.batchNumber,
          },
        },
        manager,
      );
      return { sellerKey: task.sellerKey };
    });
  }
}
