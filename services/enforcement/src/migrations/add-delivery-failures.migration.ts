import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A result notice whose delivery failed (refused, address unknown, returned) is kept with the
 * reason and replaced by a public notice (公告通知) that names it; an objection records the
 * applicant's materials checklist (each item received or missing).
 */
export class AddDeliveryFailures1765400000000 implements MigrationInterface {
  name = 'AddDeliveryFailures1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table notice
        add column delivery_failed_at timestamptz,
        add column delivery_failure_reason text
          check (delivery_failure_reason in ('refused', 'address-unknown', 'returned')),
        add column delivery_failure_note text,
        add column delivery_failure_recorded_by text,
        add column replaces_notice_id uuid references notice (id),
        add constraint notice_failure_has_reason
          check ((delivery_failed_at is null) = (delivery_failure_reason is null))`);
    await q.query(`create unique index notice_replaces_once on notice (replaces_notice_id)`);
    // One notice per recipient and report, besides the public notice replacing a failed one.
    await q.query(`alter table notice drop constraint notice_batch_number_kind_recipient_report_number_key`);
    await q.query(`
      create unique index notice_one_per_recipient on notice (batch_number, kind, recipient, report_number)
        where replaces_notice_id is null`);
    await q.query(`alter table objection add column materials jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table objection drop column materials`);
    await q.query(`drop index notice_one_per_recipient`);
    await q.query(`
      alter table notice add constraint notice_batch_number_kind_recipient_report_number_key
        unique (batch_number, kind, recipient, report_number)`);
    await q.query(`drop index notice_replaces_once`);
    await q.query(`
      alter table notice
        drop constraint notice_failure_has_reason,
        drop column replaces_notice_id,
        drop column delivery_failure_recorded_by,
        drop column delivery_failure_note,
        drop column delivery_failure_reason,
        drop column delivery_failed_at`);
  }
}
