import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The size and SHA-256 an uploader declared for each part of a multipart upload: the part's URL is
 * signed for both, and the finalize job hashes each part against them. `parts_declared` marks an
 * upload whose URLs are handed out per declared part only (not the released contract's unbound ones).
 */
export class AddUploadParts1765500000000 implements MigrationInterface {
  name = 'AddUploadParts1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table evidence_object add column parts_declared boolean not null default false');
    await q.query(`
      create table upload_part (
        object_id uuid not null references evidence_object (id),
        part_number integer not null check (part_number between 1 and 10000),
        size bigint not null check (size > 0),
        sha256 char(44) not null,
        declared_at timestamptz not null default now(),
        primary key (object_id, part_number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table upload_part');
    await q.query('alter table evidence_object drop column parts_declared');
  }
}
