import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The disclosure service's tables: publications (each version of a public result, chained by
 * `supersedes`), public notices, the statistical facts of each result and their aggregate cells.
 */
export class CreateDisclosure1764000000000 implements MigrationInterface {
  name = 'CreateDisclosure1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table publication (
        id uuid primary key,
        batch_number text not null,
        version int not null check (version >= 1),
        kind text not null check (kind in ('result', 'correction', 'withdrawal')),
        supersedes uuid references publication (id),
        superseded_by uuid references publication (id),
        seller_name text not null,
        sample_name text not null,
        claimed_brand text,
        claimed_producer text,
        spec_model text,
        production_date text,
        main_nonconforming_items jsonb not null default '[]',
        verdict text not null check (verdict in ('pass', 'fail')),
        platform text,
        platform_name text,
        platform_code text,
        category text not null,
        region_code text,
        result_date text not null,
        month text not null,
        reason text,
        published_at timestamptz not null,
        unique (batch_number, version),
        check ((kind = 'result') = (supersedes is null))
      )`);
    await q.query(
      `create index publication_current_idx on publication (published_at desc, id) where superseded_by is null`,
    );
    await q.query(`
      create table public_notice (
        id uuid primary key,
        batch_number text not null,
        report_number text not null,
        seller_name text not null,
        sample_name text not null,
        spec_model text,
        listing_url text not null,
        order_number text not null,
        platform text,
        verdict text not null check (verdict in ('pass', 'fail')),
        published_at timestamptz not null,
        unique (batch_number, report_number)
      )`);
    await q.query(`create index public_notice_published_idx on public_notice (published_at desc, id)`);
    // One row per final result: what the statistics count, so a correction or withdrawal can
    // take back exactly what the result added.
    await q.query(`
      create table result_fact (
        batch_number text primary key,
        counted boolean not null,
        verdict text not null check (verdict in ('pass', 'fail')),
        month text not null,
        category text not null,
        platform text not null,
        region_code text not null,
        no_producer boolean not null,
        no_address boolean not null,
        no_certificate boolean not null
      )`);
    // Aggregates by month × category × platform × district, kept incrementally in the consumer's
    // transaction; every statistic is a sum over cells.
    await q.query(`
      create table stat_cell (
        month text not null,
        category text not null,
        platform text not null,
        region_code text not null,
        tested int not null default 0 check (tested >= 0),
        failed int not null default 0 check (failed >= 0),
        three_no int not null default 0 check (three_no >= 0),
        no_producer int not null default 0 check (no_producer >= 0),
        no_address int not null default 0 check (no_address >= 0),
        no_certificate int not null default 0 check (no_certificate >= 0),
        primary key (month, category, platform, region_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['stat_cell', 'result_fact', 'public_notice', 'publication']) {
      await q.query(`drop table ${table}`);
    }
  }
}
