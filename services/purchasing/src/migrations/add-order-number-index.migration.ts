import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Finding a batch by the order number its buyer recorded (`GET /batches?orderNumber=`). */
export class AddOrderNumberIndex1765200000000 implements MigrationInterface {
  name = 'AddOrderNumberIndex1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index purchase_task_order_number on purchase_task ((purchase ->> 'orderNumber')) where purchase is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index purchase_task_order_number');
  }
}
