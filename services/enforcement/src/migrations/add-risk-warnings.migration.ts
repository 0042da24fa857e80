import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consumer risk warnings (消费风险警示, issue 16 item 8): at most one proposed or issued warning per
 * batch; the proposer never decides (four-eyes, also a check here).
 */
export class AddRiskWarnings1765612000000 implements MigrationInterface {
  name = 'AddRiskWarnings1765612000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table risk_warning (
        id uuid primary key,
        batch_number text not null,
        status text not null check (status in ('proposed', 'rejected', 'issued', 'withdrawn')),
        revision integer not null default 0,
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
        proposed_by text not null,
        proposed_at timestamptz not null,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        withdrawn_by text,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        constraint risk_warning_four_eyes check (decided_by is null or decided_by <> proposed_by)
      )`);
    await q.query(
      `create unique index risk_warning_active_idx on risk_warning (batch_number) where status in ('proposed', 'issued')`,
    );
    await q.query(`create index risk_warning_proposed_at_idx on risk_warning (proposed_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table risk_warning`);
  }
}
