import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskStatus } from '../kernel/purchase-task.entity';
import type { OrderBatchesView } from './order-batch.view';

interface OrderRow {
  batch_number: string;
  platform: string;
  status: TaskStatus;
  purchased_at: Date | null;
}

/** The batches whose recorded purchase carries an order number (one per platform at most, as a rule). */
@Injectable()
export class FindBatchesByOrderUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async execute(orderNumber: string): Promise<OrderBatchesView> {
    const rows: OrderRow[] = await this.dataSource.query(
      `select batch_number, platform, status, purchased_at
         from purchase_task
        where purchase is not null and purchase ->> 'orderNumber' = $1
        order by created_at desc
        limit 100`,
      [orderNumber],
    );
    return {
      items: rows.map((r) => ({
        batchNumber: r.batch_number,
        platform: r.platform,
        status: r.status,
        purchasedAt: r.purchased_at?.toISOString() ?? null,
      })),
    };
  }
}
