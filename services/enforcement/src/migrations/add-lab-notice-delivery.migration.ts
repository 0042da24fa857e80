import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery record of each 《复检机构确定通知书》 (how it was sent, when and by whom it was received,
 * a receipt recorded late awaiting a second officer, a failed attempt), whether a redraw superseded
 * it, and the applicant's receipt on the objection: the 7-day procedures period runs from it.
 * Objections already counting from the lab's dispatch keep their `complete_by`.
 */
export class AddLabNoticeDelivery1765800000000 implements MigrationInterface {
  name = 'AddLabNoticeDelivery1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table reinspection_lab_notice
        add column superseded_at timestamptz,
        add column channel text check (channel in ('post', 'email', 'platform-message', 'in-person')),
        add column sent_at timestamptz,
        add column received_at timestamptz,
        add column received_by text,
        add column delivery_recorded_by text,
        add column receipt_pending_at timestamptz,
        add column receipt_reason text,
        add column receipt_recorded_by text,
        add column receipt_confirmed_by text,
        add column delivery_failed_at timestamptz,
        add column delivery_failure_reason text
          check (delivery_failure_reason in ('refused', 'address-unknown', 'returned')),
        add column delivery_failure_note text,
        add column delivery_failure_recorded_by text,
        add constraint reinspection_lab_notice_receipt_four_eyes
          check (receipt_confirmed_by is null or receipt_confirmed_by <> receipt_recorded_by),
        add constraint reinspection_lab_notice_received_after_sent
          check (received_at is null or (sent_at is not null and received_at >= sent_at))`);
    await q.query(`alter table objection add column lab_notice_received_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table objection drop column lab_notice_received_at`);
    await q.query(`
      alter table reinspection_lab_notice
        drop constraint reinspection_lab_notice_received_after_sent,
        drop constraint reinspection_lab_notice_receipt_four_eyes,
        drop column superseded_at, drop column channel, drop column sent_at, drop column received_at,
        drop column received_by, drop column delivery_recorded_by, drop column receipt_pending_at,
        drop column receipt_reason, drop column receipt_recorded_by, drop column receipt_confirmed_by,
        drop column delivery_failed_at, drop column delivery_failure_reason,
        drop column delivery_failure_note, drop column delivery_failure_recorded_by`);
  }
}
