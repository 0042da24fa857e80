import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Listings and signals, past failures, plans with their selection, batches and their number counters. */
export class CreatePlanningSchema1764000000000 implements MigrationInterface {
  name = 'CreatePlanningSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table listing (
        id bigserial primary key,
        platform text not null,
        platform_listing_id text not null,
        url text not null,
        title text not null,
        category text,
        brand text,
        spec_model text,
        brand_spec_key text,
        price_fen bigint not null,
        monthly_sales integer,
        stock integer,
        rating_count integer,
        bad_rating_rate numeric(5, 4),
        promotional_claims jsonb not null default '[]',
        promo_hits smallint not null default 0,
        shop_name text not null,
        shop_url text not null,
        seller_name text not null,
        seller_entity_type text not null,
        seller_credit_code text,
        seller_area_code text,
        seller_address text,
        operator_name text not null,
        operator_area_code text,
        observed_at timestamptz not null,
        history jsonb not null default '[]',
        updated_at timestamptz not null default now(),
        constraint listing_platform_listing unique (platform, platform_listing_id)
      )`);
    await q.query('create index listing_category on listing (category)');
    await q.query('create index listing_seller on listing (seller_credit_code)');
    await q.query(`
      create table signal (
        id bigserial primary key,
        kind text not null,
        source text not null,
        external_id text not null,
        platform text,
        platform_listing_id text,
        seller_credit_code text,
        seller_name text,
        category text,
        brand text,
        summary text not null,
        received_at timestamptz not null,
        recorded_at timestamptz not null default now(),
        constraint signal_source_external unique (source, external_id)
      )`);
    await q.query('create index signal_listing on signal (platform, platform_listing_id)');
    await q.query('create index signal_seller on signal (seller_credit_code)');
    await q.query(`
      create table past_failure (
        batch_number text primary key,
        category text not null,
        seller_credit_code text,
        seller_name text not null,
        producer_name text,
        brand_key text,
        failing_items jsonb not null,
        final_at timestamptz not null
      )`);
    await q.query(`
      create table plan (
        id uuid primary key,
        kind text not null,
        title text not null,
        status text not null,
        scheme jsonb not null,
        weights jsonb not null,
        random_share numeric(4, 3) not null,
        seed text not null,
        emergency_trigger text,
        emergency_evidence text,
        follow_up_of text,
        author text not null,
        submitted_at timestamptz,
        approved_by text,
        approved_at timestamptz,
        returned_reason text,
        selection jsonb,
        selected_at timestamptz,
        issued_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz not null default now()
      )`);
    await q.query(`
      create table plan_selection (
        plan_id uuid not null references plan (id),
        listing_id bigint not null references listing (id),
        category text not null,
        position integer not null,
        way text not null,
        score double precision not null,
        factors jsonb not null,
        brand_spec_key text,
        primary key (plan_id, listing_id)
      )`);
    await q.query(`
      create table batch (
        batch_number text primary key,
        plan_id uuid not null references plan (id),
        listing_id bigint not null references listing (id),
        category text not null,
        brand_spec_key text,
        year integer not null,
        follow_up boolean not null,
        issued_at timestamptz not null,
        constraint batch_plan_listing unique (plan_id, listing_id)
      )`);
    await q.query('create index batch_brand_spec_year on batch (brand_spec_key, year)');
    await q.query(`
      create table batch_number_counter (
        prefix text not null,
        year integer not null,
        last_value integer not null,
        primary key (prefix, year)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'batch_number_counter',
      'batch',
      'plan_selection',
      'plan',
      'past_failure',
      'signal',
      'listing',
    ]) {
      await q.query(`drop table ${table}`);
    }
  }
}
