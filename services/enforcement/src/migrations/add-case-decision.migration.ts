import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A closed case's administrative penalty decision number (处罚决定书文号) and legal basis. */
export class AddCaseDecision1765300000000 implements MigrationInterface {
  name = 'AddCaseDecision1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table enforcement_case add column penalty_decision_number text, add column legal_basis text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table enforcement_case drop column penalty_decision_number, drop column legal_basis`,
    );
  }
}
