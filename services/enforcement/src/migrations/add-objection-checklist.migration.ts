import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The objection's materials checklist kept up to date before the decision: each item becomes a
 * record (state, when received, who recorded it and when), so an item received after registration
 * can be recorded; an application filed by an agent (agent_name) needs the power of attorney and
 * the agent's ID. A filing dated on an earlier day than it was recorded waits for a second officer
 * (four-eyes, also checked here), as a late-recorded receipt does.
 */
export class AddObjectionChecklist1765650000000 implements MigrationInterface {
  name = 'AddObjectionChecklist1765650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table objection
        add column agent_name text,
        add column filing_reason text,
        add column filing_recorded_by text,
        add column filing_confirmed_by text,
        add column filing_confirmed_at timestamptz,
        add constraint objection_filing_four_eyes
          check (filing_confirmed_by is null or filing_confirmed_by <> filing_recorded_by)`);
    // A checklist registered as states becomes records; none registered: every item missing.
    await q.query(`
      update objection o set materials = (
        select jsonb_object_agg(item, jsonb_build_object(
          'state', coalesce(o.materials ->> item, 'missing'),
          'receivedAt', case when o.materials ->> item = 'received'
            then to_jsonb(to_char(o.filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            else 'null'::jsonb end,
          'recordedBy', 'registration',
          'recordedAt', to_jsonb(to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))
        from unnest(array['noticeReceipt', 'writtenApplication', 'proofOfStanding',
                          'powerOfAttorney', 'authorisedPersonId']) item)`);
    await q.query(`alter table objection alter column materials set not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table objection alter column materials drop not null`);
    await q.query(`
      update objection o set materials = (
        select jsonb_object_agg(e.key, e.value -> 'state') from jsonb_each(o.materials) e)`);
    await q.query(`
      alter table objection
        drop constraint objection_filing_four_eyes,
        drop column agent_name,
        drop column filing_reason,
        drop column filing_recorded_by,
        drop column filing_confirmed_by,
        drop column filing_confirmed_at`);
  }
}
