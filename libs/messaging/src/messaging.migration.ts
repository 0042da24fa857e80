import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (events written in the same transaction as the state change, relayed to Kafka in
 * id order) and the inbox (message ids already applied by a consumer group, so a redelivery has
 * no second effect), plus failed-attempt counts that survive a restart.
 */
export class CreateOutboxAndInbox1763800001000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table outbox (
        id bigserial primary key,
        message_id uuid not null unique,
        topic text not null,
        message_key text not null,
        payload text not null,
        headers jsonb not null,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await q.query('create index outbox_unsent on outbox (id) where sent_at is null');
    await q.query(`
      create table inbox (
        consumer_group text not null,
        message_id uuid not null,
        topic text not null,
        partition integer not null,
        "offset" bigint not null,
        processed_at timestamptz not null default now(),
        primary key (consumer_group, message_id)
      )`);
    await q.query(`
      create table inbox_failure (
        consumer_group text not null,
        message_id uuid not null,
        attempts integer not null,
        last_error text not null,
        updated_at timestamptz not null default now(),
        primary key (consumer_group, message_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table inbox_failure');
    await q.query('drop table inbox');
    await q.query('drop table outbox');
  }
}
