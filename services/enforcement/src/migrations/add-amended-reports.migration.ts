import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Amended reports: the replaced reports on the batch, corrected and withdrawn notices. */
export class AddAmendedReports1764600200000 implements MigrationInterface {
  name = 'AddAmendedReports1764600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table enforcement_batch add column replaced_reports jsonb not null default '[]'::jsonb`,
    );
    await q.query(`
      alter table notice
        add column corrects_notice_id uuid references notice (id),
        add column withdrawn_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table notice drop column corrects_notice_id, drop column withdrawn_at`);
    await q.query(`alter table enforcement_batch drop column replaced_reports`);
  }
}
