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

/** Wakes the relay (LISTEN outbox) once per inserting statement, not per row. */
export class NotifyOnOutboxInsert1763800002000 implements MigrationInterface {
  name = 'NotifyOnOutboxInsert1763800002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('outbox', ''); return null; end $$`);
    await q.query(
      'create trigger outbox_inserted after insert on outbox for each statement execute function outbox_notify()',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop trigger outbox_inserted on outbox');
    await q.query('drop function outbox_notify');
  }
}

/**
 * Writers notify only while the relay sleeps. A notifying commit takes a cluster-wide lock in
 * PostgreSQL (PreCommit_Notify, "database 0") and holds it until its WAL is flushed, so a
 * notification per outbox commit makes every such commit in the cluster wait for the one before
 * it, fsync included: no group commit. The relay holds the "asleep" advisory lock (the same key as
 * OutboxRelay's ASLEEP_LOCK) only while it sleeps; awake, it reads the outbox anyway. A writer that
 * cannot take that lock shared notifies. A writer that can keeps it until its transaction ends, so
 * the relay cannot fall asleep before that transaction's rows are visible to it.
 */
export class NotifyOnlyWhileRelayAsleep1765950000000 implements MigrationInterface {
  name = 'NotifyOnlyWhileRelayAsleep1765950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function outbox_notify() returns trigger language plpgsql as $$
      begin
        if not pg_try_advisory_xact_lock_shared(hashtext(current_database() || '.outbox-relay-asleep')) then
          perform pg_notify('outbox', '');
        end if;
        return null;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function outbox_notify() returns trigger language plpgsql as $$
      begin perform pg_notify('outbox', ''); return null; end $$`);
  }
}
