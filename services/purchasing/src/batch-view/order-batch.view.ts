import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES, type TaskStatus } from '../kernel/purchase-task.entity';

/** The batch bought with an order number. */
export class OrderBatchView {
  @ApiProperty({ example: 'HZ2026-000123' })
  batchNumber!: string;

  @ApiProperty({ example: 'taobao', description: 'order numbers are unique per platform only' })
  platform!: string;

  @ApiProperty({ enum: TASK_STATUSES })
  status!: TaskStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null until completed' })
  purchasedAt!: string | null;
}

export class OrderBatchesView {
  @ApiProperty({ type: [OrderBatchView] })
  items!: OrderBatchView[];
}
