import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log, append-only twice over: the application role loses UPDATE, DELETE and TRUNCATE,
 * and triggers refuse them for every role (a superuser or the table owner re-granting itself
 * included), so a row once committed stays as written.
 */
export class CreateAuditLog1763800004000 implements MigrationInterface {
  name = 'CreateAuditLog1763800004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_log (
        id bigint generated always as identity primary key,
        occurred_at timestamptz not null default clock_timestamp(),
        actor text not null,
        roles text[] not null default '{}',
        action text not null,
        entity_type text not null,
        entity_id text,
        request_id text,
        outcome text not null check (outcome in ('success', 'failure', 'denied')),
        detail jsonb not null default '{}'
      )`);
    await q.query('create index audit_log_entity on audit_log (entity_type, entity_id, occurred_at)');
    await q.query('create index audit_log_actor on audit_log (actor, occurred_at)');
    await q.query('create index audit_log_time on audit_log (occurred_at)');
    await q.query(`
      create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`);
    await q.query(`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`);
    await q.query('revoke update, delete, truncate on audit_log from public');
    // Migrations run as the application role, which therefore owns the table: take the rights from it too.
    await q.query('revoke update, delete, truncate on audit_log from current_user');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table audit_log');
    await q.query('drop function audit_log_append_only()');
  }
}
