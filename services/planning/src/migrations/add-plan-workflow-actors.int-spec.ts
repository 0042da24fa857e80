import { randomUUID } from 'node:crypto';
import { CreateAuditLog1763800004000 } from '@qis/audit';
import { createTestDatabase, testDataSource } from '@qis/testing';
import { AddPlanWorkflowActors1764800000100 } from './add-plan-workflow-actors.migration';
import { CreatePlanningSchema1764000000000 } from './create-planning-schema.migration';

describe('AddPlanWorkflowActors1764800000100', () => {
  it('takes who submitted and who returned existing plans from the audit log', async () => {
    const db = await createTestDatabase('planning_actors');
    const before = testDataSource(db.name, [CreateAuditLog1763800004000, CreatePlanningSchema1764000000000]);
    try {
      await before.initialize();
      await before.runMigrations();
      const [submitted, returned, draft] = [randomUUID(), randomUUID(), randomUUID()];
      const plan = (id: string, status: string, submittedAt: string | null, reason: string | null) =>
        before.query(
          `insert into plan (id, kind, title, status, scheme, weights, random_share, seed, author, submitted_at, returned_reason)
           values ($1, 'routine', 't', $2, '{}', '{}', 0.5, 's', 'planner-li', $3, $4)`,
          [id, status, submittedAt, reason],
        );
      await plan(submitted, 'submitted', '2026-11-02T00:00:00Z', null);
      await plan(returned, 'draft', '2026-11-01T00:00:00Z', '预算超标');
      await plan(draft, 'draft', null, null);
      const audit = (actor: string, action: string, id: string, outcome = 'success') =>
        before.query(
          `insert into audit_log (actor, roles, action, entity_type, entity_id, outcome) values ($1, '{}', $2, 'plan', $3, $4)`,
          [actor, action, id, outcome],
        );
      await audit('planner-li', 'plan.submit', submitted);
      await audit('planner-wu', 'plan.submit', submitted); // resubmitted by a colleague: the last one counts
      await audit('planner-li', 'plan.approve', submitted, 'denied');
      await audit('planner-li', 'plan.submit', returned);
      await audit('approver-zhao', 'plan.return', returned);
      await before.destroy();

      const after = testDataSource(db.name, [
        CreateAuditLog1763800004000,
        CreatePlanningSchema1764000000000,
        AddPlanWorkflowActors1764800000100,
      ]);
      await after.initialize();
      try {
        expect((await after.runMigrations()).map((m) => m.name)).toEqual([
          'AddPlanWorkflowActors1764800000100',
        ]);
        const rows = (await after.query(
          'select id, submitted_by, returned_by, returned_at is not null as has_returned_at from plan',
        )) as Array<{
          id: string;
          submitted_by: string | null;
          returned_by: string | null;
          has_returned_at: boolean;
        }>;
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(byId.get(submitted)).toMatchObject({ submitted_by: 'planner-wu', returned_by: null });
        expect(byId.get(returned)).toMatchObject({
          submitted_by: 'planner-li',
          returned_by: 'approver-zhao',
          has_returned_at: true,
        });
        expect(byId.get(draft)).toMatchObject({
          submitted_by: null,
          returned_by: null,
          has_returned_at: false,
        });
      } finally {
        await after.destroy();
      }
    } finally {
      if (before.isInitialized) await before.destroy();
      await db.drop();
    }
  });
});
