import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sealed samples waiting for a lab (none could take them when they came); one open wait per batch and purpose. */
export class AddWaitingDispatch1764600200000 implements MigrationInterface {
  name = 'AddWaitingDispatch1764600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table waiting_dispatch (
        id uuid primary key,
        batch_number text not null,
        purpose text not null check (purpose in ('initial', 're-inspection')),
        draw jsonb not null,
        exclusions jsonb not null,
        waiting_since timestamptz not null,
        attempts integer not null,
        last_attempt_at timestamptz not null,
        dispatched_at timestamptz,
        assignment_id uuid references assignment(id)
      )`);
    await q.query(`create unique index waiting_dispatch_open on waiting_dispatch (batch_number, purpose)
      where dispatched_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table waiting_dispatch');
  }
}
