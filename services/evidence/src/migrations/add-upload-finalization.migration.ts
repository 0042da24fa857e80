import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finalizing an upload is a background job: the request queues it, a worker hashes the staged
 * bytes, copies them into the locked bucket and records custody. One row per upload.
 */
export class AddUploadFinalization1765400000000 implements MigrationInterface {
  name = 'AddUploadFinalization1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table upload_finalization (
        object_id uuid primary key references evidence_object (id),
        status text not null check (status in ('queued', 'running', 'done')),
        actor jsonb not null,
        extraction jsonb not null,
        requested_at timestamptz not null,
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        attempts integer not null default 0,
        error text,
        problems jsonb
      )`);
    await q.query(`create index upload_finalization_pending on upload_finalization (requested_at)
      where status in ('queued', 'running')`);
    // The quotas sum an uploader's recent announcements.
    await q.query('create index evidence_object_uploader_created on evidence_object (uploader, created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index evidence_object_uploader_created');
    await q.query('drop table upload_finalization');
  }
}
