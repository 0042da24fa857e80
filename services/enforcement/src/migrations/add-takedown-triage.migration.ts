import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a takedown report did not match its batch's order (platform, listing): it waits for a person. */
export class AddTakedownTriage1765000000000 implements MigrationInterface {
  name = 'AddTakedownTriage1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table takedown_report add column triage_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table takedown_report drop column triage_reason`);
  }
}
