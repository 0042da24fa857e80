import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 《复检机构确定通知书》 to the applicant and the re-inspection lab, each with its PDF stored as evidence. */
export class AddReinspectionLabNotices1765700000000 implements MigrationInterface {
  name = 'AddReinspectionLabNotices1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table reinspection_lab_notice (
        id uuid primary key,
        objection_id uuid not null references objection (id),
        batch_number text not null,
        recipient text not null check (recipient in ('applicant', 'reinspection-lab')),
        recipient_name text not null,
        notice_number text not null unique,
        lab_id text not null,
        lab_name text not null,
        document jsonb not null,
        issued_at timestamptz not null,
        evidence_object_id uuid,
        evidence_sha256 text check (evidence_sha256 ~ '^[0-9a-f]{64}$'),
        evidence_stored_at timestamptz,
        evidence_attempts int not null default 0,
        evidence_last_error text,
        evidence_next_attempt_at timestamptz not null default now()
      )`);
    await q.query(
      `create index reinspection_lab_notice_objection_idx on reinspection_lab_notice (objection_id)`,
    );
    await q.query(
      `create index reinspection_lab_notice_evidence_pending_idx on reinspection_lab_notice (evidence_next_attempt_at) where evidence_object_id is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table reinspection_lab_notice`);
  }
}
