import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each notice's PDF stored through the evidence service: object id, SHA-256, and the retry state. */
export class AddNoticeEvidence1764600000000 implements MigrationInterface {
  name = 'AddNoticeEvidence1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table notice
        add column evidence_object_id uuid,
        add column evidence_sha256 text check (evidence_sha256 ~ '^[0-9a-f]{64}$'),
        add column evidence_stored_at timestamptz,
        add column evidence_attempts int not null default 0,
        add column evidence_last_error text,
        add column evidence_next_attempt_at timestamptz not null default now()`);
    await q.query(
      `create index notice_evidence_pending_idx on notice (evidence_next_attempt_at) where evidence_object_id is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index notice_evidence_pending_idx`);
    await q.query(`
      alter table notice
        drop column evidence_object_id,
        drop column evidence_sha256,
        drop column evidence_stored_at,
        drop column evidence_attempts,
        drop column evidence_last_error,
        drop column evidence_next_attempt_at`);
  }
}
