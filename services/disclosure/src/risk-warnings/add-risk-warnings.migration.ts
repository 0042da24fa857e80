import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Consumer risk warnings on the public page (issue 16 item 8), one row per warning at its latest revision. */
export class AddPublicRiskWarnings1765612000000 implements MigrationInterface {
  name = 'AddPublicRiskWarnings1765612000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table public_risk_warning (
        id uuid primary key,
        batch_number text not null,
        revision integer not null,
        status text not null check (status in ('issued', 'withdrawn')),
        report_number text not null,
        title text not null,
        sample_name text not null,
        brand text,
        spec_model text,
        producer_name text,
        producer_uscc text,
        seller_name text not null,
        platform_name text,
        failing_items jsonb not null,
        risk text not null,
        advice text not null,
        issued_by text not null,
        issued_at timestamptz not null,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        updated_at timestamptz not null
      )`);
    await q.query(
      `create index public_risk_warning_list_idx on public_risk_warning (status, issued_at desc)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table public_risk_warning`);
  }
}
