import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delegations of sampling planning published (一事一委托), per delegation and batch, at the
 * highest revision received: a district bureau acts on a delegated batch while its delegation is
 * in force.
 */
export class AddSamplingDelegations1765900000000 implements MigrationInterface {
  name = 'AddSamplingDelegations1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table sampling_delegation (
        delegation_id uuid not null,
        batch_number text not null,
        revision integer not null,
        status text not null check (status in ('active', 'revoked')),
        plan_id uuid not null,
        matter text not null,
        delegate_area_code text not null,
        delegate_name text not null,
        delegator_area_code text not null,
        delegator_name text not null,
        reference text not null,
        acts text[] not null,
        valid_from date not null,
        valid_until date not null,
        recorded_at timestamptz not null,
        revoked_at timestamptz,
        primary key (delegation_id, batch_number)
      )`);
    await q.query('create index sampling_delegation_batch on sampling_delegation (batch_number)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table sampling_delegation');
  }
}
