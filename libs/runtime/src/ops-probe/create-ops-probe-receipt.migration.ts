import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpsProbeReceipt1763800000000 implements MigrationInterface {
  name = 'CreateOpsProbeReceipt1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table ops_probe_receipt (
        probe_id uuid primary key,
        from_service text not null,
        sent_at timestamptz not null,
        received_at timestamptz not null default now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table ops_probe_receipt');
  }
}
