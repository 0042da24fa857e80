import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An object whose stored version the store removed after its retention ended stays on record as
 * `deleted`, with the time: its metadata and custody entries outlive the bytes.
 */
export class AddObjectDeletion1765000000000 implements MigrationInterface {
  name = 'AddObjectDeletion1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table evidence_object
        drop constraint evidence_object_status_check,
        add constraint evidence_object_status_check check (status in ('pending', 'stored', 'rejected', 'deleted')),
        add column deleted_at timestamptz,
        add constraint evidence_object_deleted_at_check check ((status = 'deleted') = (deleted_at is not null))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table evidence_object
        drop constraint evidence_object_deleted_at_check,
        drop column deleted_at,
        drop constraint evidence_object_status_check,
        add constraint evidence_object_status_check check (status in ('pending', 'stored', 'rejected'))`);
  }
}
