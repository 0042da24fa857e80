import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The routing policy row that placed a case and its reasons (issue 16 item 3), and the transfer
 * letters (案件移送函) of cases handed to an authority outside the city, stored as evidence like notices.
 */
export class AddRoutingPolicy1765500000000 implements MigrationInterface {
  name = 'AddRoutingPolicy1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table enforcement_case add column policy_row text`);
    await q.query(
      `alter table enforcement_case add column policy_reasons jsonb not null default '[]'::jsonb`,
    );
    await q.query(`alter table triage_item add column policy_row text`);
    await q.query(`create sequence transfer_letter_number_seq`);
    await q.query(`
      create table transfer_letter (
        id uuid primary key,
        case_id uuid not null references enforcement_case (id),
        batch_number text not null,
        letter_number text not null unique,
        recipient jsonb not null,
        policy_row text not null,
        document jsonb not null,
        created_at timestamptz not null default now(),
        evidence_object_id uuid,
        evidence_sha256 text,
        evidence_stored_at timestamptz,
        evidence_attempts integer not null default 0,
        evidence_last_error text,
        evidence_next_attempt_at timestamptz not null default now()
      )`);
    await q.query(`create index transfer_letter_case_idx on transfer_letter (case_id)`);
    await q.query(
      `create index transfer_letter_unstored_idx on transfer_letter (evidence_next_attempt_at) where evidence_object_id is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table transfer_letter`);
    await q.query(`drop sequence transfer_letter_number_seq`);
    await q.query(`alter table triage_item drop column policy_row`);
    await q.query(`alter table enforcement_case drop column policy_reasons`);
    await q.query(`alter table enforcement_case drop column policy_row`);
  }
}
