import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Custody verifications run as background jobs: each request, its progress and its report. */
export class AddCustodyVerification1765300000000 implements MigrationInterface {
  name = 'AddCustodyVerification1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table custody_verification (
        id uuid primary key,
        batch_number text,
        requested_by text not null,
        requested_at timestamptz not null,
        status text not null check (status in ('queued', 'running', 'done', 'failed')),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        entries_checked integer not null default 0,
        objects_checked integer not null default 0,
        objects_total integer,
        report jsonb,
        error text
      )`);
    await q.query(`create index custody_verification_pending on custody_verification (requested_at)
      where status in ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table custody_verification');
  }
}
