import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each platform keeps when its feed last got an item and how many it got: its delivery state. */
export class AddFeedDelivery1764700000002 implements MigrationInterface {
  name = 'AddFeedDelivery1764700000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'alter table feed_platform add column items_written integer not null default 0, add column last_item_at timestamptz',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table feed_platform drop column last_item_at, drop column items_written');
  }
}
