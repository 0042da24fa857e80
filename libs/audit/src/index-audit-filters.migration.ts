import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes for the viewer's filters: by action (or its prefix) and by batch (entity id or detail). */
export class IndexAuditFilters1764800000000 implements MigrationInterface {
  name = 'IndexAuditFilters1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('create index audit_log_action on audit_log (action text_pattern_ops, occurred_at)');
    await q.query('create index audit_log_entity_id on audit_log (entity_id, occurred_at)');
    await q.query(
      `create index audit_log_detail_batch on audit_log ((detail ->> 'batchNumber'), occurred_at)
       where detail ? 'batchNumber'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index audit_log_detail_batch');
    await q.query('drop index audit_log_entity_id');
    await q.query('drop index audit_log_action');
  }
}
