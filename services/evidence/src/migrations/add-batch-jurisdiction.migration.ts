import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The authorities a failed batch was routed or copied to (from `enforcement.case-routed`), so an
 * enforcement officer reads evidence of the batches of their jurisdiction only. Expand only.
 */
export class AddBatchJurisdiction1765100000000 implements MigrationInterface {
  name = 'AddBatchJurisdiction1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table batch_jurisdiction (
        batch_number text not null,
        area_code text not null check (area_code ~ '^[1-9][0-9]{5}$'),
        authority_kind text not null,
        routed_at timestamptz not null,
        primary key (batch_number, area_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table batch_jurisdiction');
  }
}
