import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An assignment ends `withdrawn` when its buyer is suspended or retired (the batch is reassigned at once). */
export class AddWithdrawnAssignmentOutcome1765400000000 implements MigrationInterface {
  name = 'AddWithdrawnAssignmentOutcome1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table assignment drop constraint assignment_outcome_check');
    await q.query(
      `alter table assignment add constraint assignment_outcome_check
       check (outcome in ('active', 'refused', 'timed-out', 'withdrawn', 'completed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table assignment drop constraint assignment_outcome_check');
    await q.query(
      `alter table assignment add constraint assignment_outcome_check
       check (outcome in ('active', 'refused', 'timed-out', 'completed'))`,
    );
  }
}
