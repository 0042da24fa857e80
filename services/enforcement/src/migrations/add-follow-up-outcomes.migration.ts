import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Follow-up samplings: the batch a follow-up checks again, and the outcome on the proposal. */
export class AddFollowUpOutcomes1764600300000 implements MigrationInterface {
  name = 'AddFollowUpOutcomes1764600300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table enforcement_batch add column follow_up_of text`);
    await q.query(`
      alter table follow_up_proposal
        add column follow_up_batch_number text,
        add column outcome text check (outcome in ('pass', 'fail')),
        add column outcome_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table follow_up_proposal drop column follow_up_batch_number, drop column outcome, drop column outcome_at`,
    );
    await q.query(`alter table enforcement_batch drop column follow_up_of`);
  }
}
