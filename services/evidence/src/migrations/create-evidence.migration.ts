import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence objects, the custody ledger (append-only like the audit log: no UPDATE, DELETE or
 * TRUNCATE for the application role, and triggers refusing them for everyone), parcels expected
 * from orders, parcels received, unpacking sessions and sealings.
 */
export class CreateEvidence1763900006000 implements MigrationInterface {
  name = 'CreateEvidence1763900006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table evidence_object (
        id uuid primary key,
        object_key text not null unique,
        kind text not null,
        batch_number text,
        uploader text not null,
        declared_sha256 char(64) not null,
        declared_size bigint not null,
        content_type text not null,
        file_name text,
        status text not null check (status in ('pending', 'stored', 'rejected')),
        rejection text,
        upload_id text,
        part_size bigint,
        sha256 char(64),
        size bigint,
        version_id text,
        retain_until timestamptz,
        created_at timestamptz not null default now(),
        stored_at timestamptz
      )`);
    await q.query('create index evidence_object_batch on evidence_object (batch_number, kind)');

    await q.query(`
      create table custody_entry (
        seq bigint generated always as identity primary key,
        occurred_at timestamptz not null,
        action text not null,
        subject_type text not null,
        subject_id text not null,
        batch_number text,
        object_sha256 char(64),
        object_version_id text,
        actor text not null,
        actor_roles text[] not null,
        source_ip text,
        tool text not null,
        detail jsonb not null default '{}',
        prev_hash char(64) not null,
        hash char(64) not null unique
      )`);
    await q.query('create index custody_entry_subject on custody_entry (subject_type, subject_id, seq)');
    await q.query(`
      create function custody_entry_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'custody_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger custody_entry_no_change before update or delete on custody_entry
      for each row execute function custody_entry_append_only()`);
    await q.query(`
      create trigger custody_entry_no_truncate before truncate on custody_entry
      for each statement execute function custody_entry_append_only()`);
    await q.query('revoke update, delete, truncate on custody_entry from public');
    await q.query('revoke update, delete, truncate on custody_entry from current_user');

    await q.query(`
      create table expected_parcel (
        batch_number text primary key,
        order_number text not null,
        carrier text not null,
        tracking_number text not null,
        match_key text not null,
        test_units int not null,
        backup_units int not null,
        ordered_at timestamptz not null,
        shipped_at timestamptz not null,
        listing jsonb not null,
        seller jsonb not null,
        platform jsonb
      )`);
    await q.query('create index expected_parcel_match on expected_parcel (match_key)');

    await q.query(`
      create table parcel (
        id uuid primary key,
        carrier text not null,
        tracking_number text not null,
        status text not null check (status in ('admitted', 'quarantined')),
        batch_number text,
        quarantine_reason text,
        condition text not null,
        received_at timestamptz not null,
        received_by text not null
      )`);
    await q.query(
      "create unique index parcel_one_admitted_per_batch on parcel (batch_number) where status = 'admitted'",
    );

    await q.query(`
      create table unpacking_session (
        id uuid primary key,
        batch_number text not null,
        parcel_id uuid not null references parcel (id),
        participants jsonb not null,
        video_object_id uuid not null references evidence_object (id),
        waybill_photo_object_id uuid not null references evidence_object (id),
        photo_object_ids uuid[] not null default '{}',
        claimed jsonb not null,
        status text not null check (status in ('open', 'sealed')),
        opened_by text not null,
        opened_at timestamptz not null
      )`);
    await q.query(
      "create unique index unpacking_session_one_open_per_batch on unpacking_session (batch_number) where status = 'open'",
    );

    await q.query(`
      create table sealing (
        id uuid primary key,
        session_id uuid not null unique references unpacking_session (id),
        batch_number text not null unique,
        sample_code text not null unique,
        category text not null,
        test_seal_number text not null unique,
        test_units int not null,
        backup_seal_number text not null unique,
        backup_units int not null,
        backup_storage_location text not null,
        signatures jsonb not null,
        work_order_number text not null unique,
        work_order_object_id uuid not null references evidence_object (id),
        notice_object_id uuid not null references evidence_object (id),
        sealed_by text not null,
        sealed_at timestamptz not null
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'sealing',
      'unpacking_session',
      'parcel',
      'expected_parcel',
      'custody_entry',
      'evidence_object',
    ]) {
      await q.query(`drop table ${table}`);
    }
    await q.query('drop function custody_entry_append_only()');
  }
}
