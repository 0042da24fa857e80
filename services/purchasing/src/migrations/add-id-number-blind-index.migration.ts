import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expand: the keyed blind index of a buyer's ID number, unique. Existing rows stay null until the
 * service (which holds the keys) fills them at start (`IdNumberIndexBackfill`).
 */
export class AddIdNumberBlindIndex1765300000000 implements MigrationInterface {
  name = 'AddIdNumberBlindIndex1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table buyer add column id_number_index text');
    await q.query('create unique index buyer_id_number_index on buyer (id_number_index)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index buyer_id_number_index');
    await q.query('alter table buyer drop column id_number_index');
  }
}
