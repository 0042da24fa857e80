import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entrustment contracts (委托检验合同), one row per version, and on each assignment the contract
 * and turnaround its due date was counted from (null for assignments made before contracts and
 * for sandbox ones).
 */
export class AddLabContracts1765400000000 implements MigrationInterface {
  name = 'AddLabContracts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table lab_contract (
        id uuid not null,
        version integer not null check (version >= 1),
        lab_id uuid not null references lab(id),
        contract_number text not null,
        valid_from date not null,
        valid_to date not null check (valid_to >= valid_from),
        ended_on date,
        turnaround_working_days integer not null check (turnaround_working_days between 1 and 120),
        categories jsonb not null,
        document_id text,
        change text not null check (change in ('recorded', 'amended', 'ended')),
        reason text,
        recorded_at timestamptz not null,
        recorded_by text not null,
        primary key (id, version)
      )`);
    await q.query('create index lab_contract_lab on lab_contract (lab_id)');
    // One number per contract, whatever its versions.
    await q.query(
      'create unique index lab_contract_number on lab_contract (contract_number) where version = 1',
    );
    await q.query(`alter table assignment
      add column contract_id uuid,
      add column contract_number text,
      add column contract_version integer,
      add column turnaround_working_days integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table assignment
      drop column contract_id, drop column contract_number, drop column contract_version,
      drop column turnaround_working_days`);
    await q.query('drop table lab_contract');
  }
}
