import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who submitted a plan and who last sent it back, so the plan shows the four-eyes rule (its
 * approver is neither its author nor its submitter). Plans submitted or returned before take
 * them from the audit log, which recorded every step.
 */
export class AddPlanWorkflowActors1764800000100 implements MigrationInterface {
  name = 'AddPlanWorkflowActors1764800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table plan
        add column submitted_by text,
        add column returned_by text,
        add column returned_at timestamptz`);
    await q.query(`
      update plan p set submitted_by = a.actor
      from (select distinct on (entity_id) entity_id, actor from audit_log
            where entity_type = 'plan' and action = 'plan.submit' and outcome = 'success'
            order by entity_id, id desc) a
      where a.entity_id = p.id::text and p.submitted_at is not null`);
    await q.query(`
      update plan p set returned_by = a.actor, returned_at = a.occurred_at
      from (select distinct on (entity_id) entity_id, actor, occurred_at from audit_log
            where entity_type = 'plan' and action = 'plan.return' and outcome = 'success'
            order by entity_id, id desc) a
      where a.entity_id = p.id::text and p.returned_reason is not null`);
    await q.query('create index plan_status_created on plan (status, created_at desc)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index plan_status_created');
    await q.query(
      'alter table plan drop column returned_at, drop column returned_by, drop column submitted_by',
    );
  }
}
