import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyers, their accounts, the address pool, seller blacklists, purchase tasks and their
 * assignments. Every identity column holds an AES-256-GCM envelope (`*_enc`), never plaintext.
 */
export class CreatePurchasing1763900000000 implements MigrationInterface {
  name = 'CreatePurchasing1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table buyer (
        id uuid primary key default gen_random_uuid(),
        pseudonym text not null unique,
        user_id text not null unique,
        real_name_enc text not null,
        id_number_enc text not null,
        phone_enc text not null,
        status text not null default 'active' check (status in ('active', 'suspended', 'retired')),
        commitment_signed_on date,
        commitment_evidence_id uuid,
        training_completed_on date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`
      create table buyer_pool_member (
        pool_id uuid not null,
        buyer_id uuid not null references buyer(id),
        primary key (pool_id, buyer_id)
      )`);
    await q.query(`
      create table shopping_account (
        id uuid primary key default gen_random_uuid(),
        buyer_id uuid not null references buyer(id),
        platform text not null,
        alias text not null,
        account_name_enc text not null,
        status text not null default 'active' check (status in ('active', 'suspended', 'retired')),
        last_used_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await q.query('create index shopping_account_platform on shopping_account (platform, status)');
    await q.query(`
      create table receiving_address (
        id uuid primary key default gen_random_uuid(),
        label text not null,
        area_code char(6) not null,
        relay boolean not null default false,
        recipient_name_enc text not null,
        phone_enc text not null,
        address_line_enc text not null,
        status text not null default 'active' check (status in ('active', 'retired')),
        last_used_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table seller_blacklist_entry (
        id uuid primary key default gen_random_uuid(),
        seller_key text not null,
        target_kind text not null check (target_kind in ('buyer', 'account', 'address')),
        target_id uuid not null,
        batch_number text,
        observed_on date not null,
        note text,
        recorded_by text not null,
        recorded_at timestamptz not null default now(),
        unique (seller_key, target_kind, target_id)
      )`);
    await q.query(`
      create table purchase_task (
        id uuid primary key default gen_random_uuid(),
        batch_number text not null unique,
        plan_id uuid not null,
        platform text not null,
        seller_key text not null,
        buyer_pool_id uuid,
        unit_price_cap_fen integer not null,
        purchase_due_at timestamptz not null,
        batch jsonb not null,
        status text not null check (status in
          ('unassigned', 'assigned', 'awaiting-price-approval', 'purchased', 'shipped')),
        buyer_id uuid references buyer(id),
        account_id uuid references shopping_account(id),
        address_id uuid references receiving_address(id),
        assignment_due_at timestamptz,
        purchase jsonb,
        evidence jsonb not null default '[]',
        evidence_package_id uuid not null default gen_random_uuid(),
        price_approved_by text,
        price_approved_at timestamptz,
        purchased_at timestamptz,
        carrier text,
        tracking_number text,
        shipped_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query('create index purchase_task_buyer on purchase_task (buyer_id, status)');
    // The scheduler's due table: overdue assignments and batches still waiting for a buyer.
    await q.query(
      `create index purchase_task_due on purchase_task (assignment_due_at) where status = 'assigned'`,
    );
    await q.query(
      `create index purchase_task_unassigned on purchase_task (created_at) where status = 'unassigned'`,
    );
    await q.query(`
      create table assignment (
        id uuid primary key default gen_random_uuid(),
        task_id uuid not null references purchase_task(id),
        seller_key text not null,
        buyer_id uuid not null references buyer(id),
        account_id uuid not null references shopping_account(id),
        address_id uuid not null references receiving_address(id),
        assigned_at timestamptz not null default now(),
        due_at timestamptz not null,
        outcome text not null default 'active' check (outcome in ('active', 'refused', 'timed-out', 'completed')),
        ended_at timestamptz,
        reason text
      )`);
    await q.query('create index assignment_seller on assignment (seller_key, assigned_at desc)');
    await q.query('create index assignment_task on assignment (task_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'assignment',
      'purchase_task',
      'seller_blacklist_entry',
      'receiving_address',
      'shopping_account',
      'buyer_pool_member',
      'buyer',
    ])
      await q.query(`drop table ${table}`);
  }
}
