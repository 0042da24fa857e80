import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A receipt recorded after the day it happened (a postal return receipt that came back later)
 * waits for a second officer: the proposed instant, the proof of service it rests on, who recorded
 * it and who confirmed it — never the same person (four-eyes, also checked here).
 */
export class AddDelayedReceipts1765100000000 implements MigrationInterface {
  name = 'AddDelayedReceipts1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table notice
        add column receipt_pending_at timestamptz,
        add column receipt_reason text,
        add column receipt_recorded_by text,
        add column receipt_confirmed_by text,
        add constraint notice_receipt_four_eyes
          check (receipt_confirmed_by is null or receipt_confirmed_by <> receipt_recorded_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table notice
        drop constraint notice_receipt_four_eyes,
        drop column receipt_pending_at,
        drop column receipt_reason,
        drop column receipt_recorded_by,
        drop column receipt_confirmed_by`);
  }
}
