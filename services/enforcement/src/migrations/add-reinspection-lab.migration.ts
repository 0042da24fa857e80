import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The re-inspection lab on the objection, and when it became known (the 7 days run from then). */
export class AddReinspectionLab1764600100000 implements MigrationInterface {
  name = 'AddReinspectionLab1764600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table objection
        add column reinspection_lab_id text,
        add column reinspection_lab_name text,
        add column lab_notified_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table objection
        drop column reinspection_lab_id,
        drop column reinspection_lab_name,
        drop column lab_notified_at`);
  }
}
