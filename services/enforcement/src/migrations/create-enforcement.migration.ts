import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The enforcement service's tables: batch file, notices, deadlines and alerts, objections, cases, credit. */
export class CreateEnforcement1763900000000 implements MigrationInterface {
  name = 'CreateEnforcement1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table enforcement_batch (
        batch_number text primary key,
        order_facts jsonb,
        sealed_facts jsonb,
        initial_report jsonb,
        reinspection_report jsonb,
        result_notified_at timestamptz,
        final_at timestamptz,
        final_basis text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create sequence notice_number_seq`);
    await q.query(`
      create table notice (
        id uuid primary key,
        batch_number text not null references enforcement_batch (batch_number),
        kind text not null check (kind in ('sampling', 'result', 'reinspection-result')),
        recipient text not null check (recipient in ('seller', 'producer', 'platform')),
        recipient_name text not null,
        address text,
        channel text not null,
        notice_number text not null unique,
        report_number text,
        content text not null,
        due_at timestamptz,
        sent_at timestamptz,
        received_at timestamptz,
        created_at timestamptz not null default now(),
        unique (batch_number, kind, recipient, report_number)
      )`);
    await q.query(`create index notice_batch_idx on notice (batch_number)`);
    await q.query(`
      create table deadline (
        id uuid primary key,
        kind text not null,
        subject_id text not null,
        batch_number text not null,
        due_at timestamptz not null,
        met_at timestamptz,
        handled_at timestamptz,
        outcome text,
        unique (kind, subject_id)
      )`);
    await q.query(
      `create index deadline_open_idx on deadline (due_at) where met_at is null and handled_at is null`,
    );
    await q.query(`
      create table alert (
        id uuid primary key,
        kind text not null,
        batch_number text not null,
        subject_type text not null,
        subject_id text not null,
        message text not null,
        raised_at timestamptz not null default now(),
        unique (kind, subject_id)
      )`);
    await q.query(`
      create table objection (
        id uuid primary key,
        batch_number text not null references enforcement_batch (batch_number),
        applicant_role text not null check (applicant_role in ('seller', 'producer')),
        applicant_name text not null,
        applicant_uscc text,
        grounds text,
        notice_received_at timestamptz not null,
        filed_at timestamptz not null,
        window_last_day date not null,
        status text not null,
        refusal_reason text,
        decided_at timestamptz,
        decided_by text,
        decision_reason text,
        complete_by timestamptz,
        procedures_completed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index objection_batch_idx on objection (batch_number)`);
    await q.query(`
      create table enforcement_case (
        id uuid primary key,
        batch_number text not null unique references enforcement_batch (batch_number),
        rule text not null,
        authority jsonb not null,
        area_code text not null,
        copied_to jsonb not null,
        explanation text not null,
        seller_name text not null,
        seller_uscc text,
        platform text,
        status text not null,
        outcomes jsonb,
        penalty_fen bigint,
        summary text,
        due_at timestamptz not null,
        routed_at timestamptz not null,
        accepted_at timestamptz,
        closed_at timestamptz
      )`);
    await q.query(`create index case_area_idx on enforcement_case (area_code)`);
    await q.query(`
      create table triage_item (
        id uuid primary key,
        batch_number text not null unique references enforcement_batch (batch_number),
        reason text not null,
        status text not null,
        case_id uuid,
        created_at timestamptz not null default now(),
        resolved_at timestamptz,
        resolved_by text
      )`);
    await q.query(`
      create table takedown_report (
        id uuid primary key,
        batch_number text not null,
        case_id uuid,
        platform text not null,
        listing_id text not null,
        action text not null,
        note text,
        acted_at timestamptz not null,
        received_at timestamptz not null default now()
      )`);
    await q.query(`create index takedown_batch_idx on takedown_report (batch_number)`);
    await q.query(`
      create table credit_entry (
        id uuid primary key,
        unified_social_credit_code text,
        subject_name text not null,
        subject_role text not null check (subject_role in ('seller', 'producer')),
        kind text not null,
        batch_number text not null,
        detail jsonb not null,
        occurred_at timestamptz not null
      )`);
    await q.query(`create index credit_code_idx on credit_entry (unified_social_credit_code)`);
    await q.query(`create index credit_name_idx on credit_entry (subject_name)`);
    await q.query(`
      create table follow_up_proposal (
        id uuid primary key,
        batch_number text not null unique,
        seller_name text not null,
        seller_uscc text,
        category text not null,
        brand text,
        spec_model text,
        listing_url text not null,
        platform text,
        failing_items jsonb not null,
        reason text not null,
        proposed_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'follow_up_proposal',
      'credit_entry',
      'takedown_report',
      'triage_item',
      'enforcement_case',
      'objection',
      'alert',
      'deadline',
      'notice',
      'enforcement_batch',
    ]) {
      await q.query(`drop table ${table}`);
    }
    await q.query('drop sequence notice_number_seq');
  }
}
