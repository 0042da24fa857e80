import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platforms registered for a feed, and the batches bought on a platform. */
export class CreatePlatformFeeds1764700000000 implements MigrationInterface {
  name = 'CreatePlatformFeeds1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table feed_platform (
        code text primary key,
        name text not null,
        kafka_user text not null unique,
        registered_at timestamptz not null,
        credential_issued_at timestamptz not null
      )`);
    await q.query(`
      create table feed_batch (
        batch_number text primary key,
        platform_code text,
        order_number text,
        listing_id text,
        listing_url text,
        seller_name text,
        shop_name text,
        pending_notice jsonb
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table feed_batch');
    await q.query('drop table feed_platform');
  }
}
