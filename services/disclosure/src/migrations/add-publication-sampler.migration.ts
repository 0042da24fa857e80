import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who sampled a published result: the bureau, or a district bureau on its delegation (受…委托). */
export class AddPublicationSampler1765900000000 implements MigrationInterface {
  name = 'AddPublicationSampler1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table publication add column sampled_by text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table publication drop column sampled_by');
  }
}
