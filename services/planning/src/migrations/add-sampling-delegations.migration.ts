import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delegations of sampling (一事一委托): the city bureau hands one plan or one batch to a district
 * bureau. A revocation is recorded on the row, never deleted; "one active delegation per matter"
 * depends on the date, so it is checked under the plan's row lock, not by an index.
 */
export class AddSamplingDelegations1765000000000 implements MigrationInterface {
  name = 'AddSamplingDelegations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table sampling_delegation (
        id uuid primary key,
        matter text not null check (matter in ('plan', 'batch')),
        plan_id uuid not null references plan (id),
        batch_number text references batch (batch_number),
        delegate_area_code text not null,
        delegate_name text not null,
        delegator_area_code text not null,
        delegator_name text not null,
        reference text not null,
        acts text[] not null,
        valid_from date not null,
        valid_until date not null,
        reason text not null,
        recorded_by text not null,
        recorded_at timestamptz not null,
        revoked_by text,
        revoked_at timestamptz,
        revocation_reason text,
        constraint sampling_delegation_matter check ((matter = 'batch') = (batch_number is not null)),
        constraint sampling_delegation_validity check (valid_until >= valid_from),
        constraint sampling_delegation_revocation check (
          (revoked_at is null) = (revoked_by is null) and (revoked_at is null) = (revocation_reason is null))
      )`);
    await q.query('create index sampling_delegation_plan on sampling_delegation (plan_id, recorded_at desc)');
    await q.query(`
      create function sampling_delegation_keep() returns trigger language plpgsql as $$
      begin
        raise exception 'a delegation is revoked, never deleted';
      end $$`);
    await q.query(`
      create trigger sampling_delegation_no_delete before delete on sampling_delegation
      for each row execute function sampling_delegation_keep()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table sampling_delegation');
    await q.query('drop function sampling_delegation_keep()');
  }
}
