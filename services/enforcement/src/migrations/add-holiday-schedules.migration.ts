import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holiday schedules loaded by the bureau (four-eyes: the database refuses a decision by the
 * submitter too); notices whose due date waits for a year's schedule say which year; alerts that
 * concern no batch (a missing year) and alerts that were resolved.
 */
export class AddHolidaySchedules1764950000000 implements MigrationInterface {
  name = 'AddHolidaySchedules1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table holiday_schedule (
        id uuid primary key,
        year int not null check (year between 2000 and 2100),
        status text not null check (status in ('submitted', 'approved', 'returned', 'superseded')),
        notice_reference text not null,
        notice_url text,
        holidays jsonb not null,
        adjusted_working_days jsonb not null,
        submitted_by text not null,
        submitted_at timestamptz not null,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        superseded_at timestamptz,
        constraint holiday_schedule_decided check ((status = 'submitted') = (decided_at is null)),
        constraint holiday_schedule_four_eyes check (decided_by is null or decided_by <> submitted_by)
      )`);
    await q.query(
      `create unique index holiday_schedule_one_pending on holiday_schedule (year) where status = 'submitted'`,
    );
    await q.query(
      `create unique index holiday_schedule_one_approved on holiday_schedule (year) where status = 'approved'`,
    );
    await q.query(`alter table notice add column due_pending_year int`);
    // Notices already waiting: their calendar-year-unknown alert names the year.
    await q.query(`
      update notice n set due_pending_year = substring(a.message from 'no working-day calendar for ([0-9]{4})')::int
        from alert a
       where a.kind = 'calendar-year-unknown'
         and a.subject_id = n.batch_number || '/' || n.report_number || '/result-notice-due'
         and n.kind <> 'sampling' and n.due_at is null and n.withdrawn_at is null`);
    await q.query(
      `create index notice_due_pending_idx on notice (due_pending_year) where due_pending_year is not null`,
    );
    await q.query(
      `alter table alert alter column batch_number drop not null, add column resolved_at timestamptz`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from alert where batch_number is null`);
    await q.query(`alter table alert alter column batch_number set not null, drop column resolved_at`);
    await q.query(`drop index notice_due_pending_idx`);
    await q.query(`alter table notice drop column due_pending_year`);
    await q.query(`drop table holiday_schedule`);
  }
}
