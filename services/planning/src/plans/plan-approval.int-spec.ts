import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { planCommand } from '../test-support/planning-factories';
import { APPROVER, PlanningClient, PLANNER } from '../test-support/planning-client';

describe('plan workflow and four-eyes approval', () => {
  let service: TestService<PlanningConfig>;
  let client: PlanningClient;

  beforeAll(async () => {
    service = await startTestService(planningService);
    client = new PlanningClient(service);
  });
  afterAll(async () => {
    await service?.stop();
  });

  const draft = async (over = {}) => {
    const created = await client.call<{ id: string; status: string }>(
      'POST',
      '/plans',
      PLANNER,
      planCommand(over),
    );
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('refuses approval by the plan author even when the author is also an approver', async () => {
    const id = await draft();
    await client.call('POST', `/plans/${id}/submit`, PLANNER);
    const self = await client.call('POST', `/plans/${id}/approve`, {
      sub: PLANNER.sub,
      roles: ['planner', 'approver'],
    });
    expect(self.status).toBe(403);
    expect(self.body['message']).toMatch(/author/);
    const other = await client.call<{ status: string; approvedBy: string }>(
      'POST',
      `/plans/${id}/approve`,
      APPROVER,
    );
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'approved', approvedBy: APPROVER.sub });
  });

  it('records the refused self-approval and the approval in the audit log', async () => {
    const id = await draft();
    await client.call('POST', `/plans/${id}/submit`, PLANNER);
    await client.call('POST', `/plans/${id}/approve`, { sub: PLANNER.sub, roles: ['approver'] });
    await client.call('POST', `/plans/${id}/approve`, APPROVER);
    const audit = await client.call<{ items: Array<{ action: string; outcome: string; actor: string }> }>(
      'GET',
      `/audit?entityType=plan&entityId=${id}`,
      { sub: 'auditor-1', roles: ['auditor'] },
    );
    expect(audit.body.items.map((e) => `${e.action}:${e.outcome}:${e.actor}`).reverse()).toEqual([
      `plan.create:success:${PLANNER.sub}`,
      `plan.submit:success:${PLANNER.sub}`,
      `plan.approve:denied:${PLANNER.sub}`,
      `plan.approve:success:${APPROVER.sub}`,
    ]);
  });

  it('refuses to approve a plan that was not submitted (409)', async () => {
    const id = await draft();
    expect((await client.call('POST', `/plans/${id}/approve`, APPROVER)).status).toBe(409);
  });

  it('sends a plan back to draft with the reason, and it can be submitted again', async () => {
    const id = await draft();
    await client.call('POST', `/plans/${id}/submit`, PLANNER);
    const back = await client.call('POST', `/plans/${id}/return`, APPROVER, { reason: '预算超标' });
    expect(back.body).toMatchObject({ status: 'draft', returnedReason: '预算超标' });
    expect((await client.call('POST', `/plans/${id}/submit`, PLANNER)).status).toBe(200);
  });

  it('requires an emergency plan to name its trigger and evidence, and fast-tracks it', async () => {
    const missing = await client.call('POST', '/plans', PLANNER, planCommand({ kind: 'emergency' }));
    expect(missing.status).toBe(400);
    expect((missing.body['errors'] as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'emergencyEvidence',
      'emergencyTrigger',
    ]);
    const id = await draft({
      kind: 'emergency',
      emergencyTrigger: 'concentrated-complaints',
      emergencyEvidence: '12315 两周内收到 37 起电热毯起火投诉',
    });
    await client.call('POST', `/plans/${id}/submit`, PLANNER);
    const queue = await client.call<Array<{ id: string; fastTrack: boolean }>>(
      'GET',
      '/plans?status=submitted',
      APPROVER,
    );
    expect(queue.body[0]).toMatchObject({ id, fastTrack: true });
  });

  it('refuses a follow-up of a batch with no final failed result (422)', async () => {
    const reply = await client.call(
      'POST',
      '/plans',
      PLANNER,
      planCommand({ kind: 'follow-up', followUpOf: 'HZ2026-999999' }),
    );
    expect(reply.status).toBe(422);
    expect(reply.body['errors']).toEqual([
      { field: 'followUpOf', reasons: [expect.stringContaining('HZ2026-999999')] },
    ]);
  });

  it('names every bad scheme field (400), never 500', async () => {
    const bad = planCommand();
    const reply = await client.call('POST', '/plans', PLANNER, {
      ...bad,
      randomShare: 0,
      scheme: {
        ...bad.scheme,
        categories: [{ ...bad.scheme.categories[0], quota: 0, category: 'Silk Quilt' }],
      },
    });
    expect(reply.status).toBe(400);
    const fields = (reply.body['errors'] as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['randomShare', 'scheme.categories[0].quota', 'scheme.categories[0].category']),
    );
  });
});
