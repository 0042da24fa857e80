import { startTestService, type TestService } from '@qis/testing';
import type { PlanningConfig } from '../planning.config';
import { planningService } from '../planning.definition';
import { listingRecord, planCommand, quota, toCsv } from '../test-support/planning-factories';
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

  it('refuses approval by the plan author even when the author is also an approver (409, four-eyes)', async () => {
    const id = await draft();
    await client.call('POST', `/plans/${id}/submit`, PLANNER);
    const self = await client.call('POST', `/plans/${id}/approve`, {
      sub: PLANNER.sub,
      roles: ['planner', 'approver'],
    });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({
      rule: 'four-eyes',
      message: expect.stringMatching(/four-eyes rule: .* author/),
    });
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

  it('refuses approval by the person who submitted the plan, though someone else wrote it (409, four-eyes)', async () => {
    const id = await draft();
    const colleague = { sub: 'planner-wu', roles: ['planner', 'approver'] };
    expect((await client.call('POST', `/plans/${id}/submit`, colleague)).status).toBe(200);
    const plan = await client.call<Record<string, unknown>>('GET', `/plans/${id}`, APPROVER);
    expect(plan.body).toMatchObject({
      author: PLANNER.sub,
      submittedBy: colleague.sub,
      submittedAt: expect.any(String),
      mayNotApprove: [PLANNER.sub, colleague.sub],
      approvedBy: null,
    });

    const bySubmitter = await client.call('POST', `/plans/${id}/approve`, colleague);
    expect(bySubmitter.status).toBe(409);
    expect(bySubmitter.body).toMatchObject({ rule: 'four-eyes' });
    expect(bySubmitter.body['message']).toMatch(/planner-wu is the submitter of plan .* may not approve it/);
    expect((await client.call<{ status: string }>('GET', `/plans/${id}`, APPROVER)).body.status).toBe(
      'submitted',
    );

    const approved = await client.call('POST', `/plans/${id}/approve`, APPROVER);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: APPROVER.sub,
      approvedAt: expect.any(String),
    });
    const audit = await client.call<{ items: Array<{ outcome: string; actor: string; detail: object }> }>(
      'GET',
      `/audit?entityType=plan&entityId=${id}&action=plan.approve`,
      { sub: 'auditor-1', roles: ['auditor'] },
    );
    expect(audit.body.items.map((e) => [e.outcome, e.actor, e.detail])).toEqual([
      ['success', APPROVER.sub, {}],
      ['denied', colleague.sub, { reason: 'submitter', rule: 'four-eyes' }],
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
    expect(back.body).toMatchObject({
      status: 'draft',
      returned: true,
      returnedReason: '预算超标',
      returnedBy: APPROVER.sub,
      returnedAt: expect.any(String),
    });
    const again = await client.call('POST', `/plans/${id}/submit`, PLANNER);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ returned: false, returnedReason: null, submittedBy: PLANNER.sub });
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
    const queue = await client.call<{ items: Array<{ id: string; fastTrack: boolean }> }>(
      'GET',
      '/plans?status=submitted',
      APPROVER,
    );
    expect(queue.body.items[0]).toMatchObject({ id, fastTrack: true });
    expect(queue.body.items[0]).toMatchObject({
      emergencyTrigger: 'concentrated-complaints',
      emergencyTriggerKind: 'concentrated-complaints',
    });
  });

  it.each([
    ['public-opinion', '舆情监测：微博话题“电热毯自燃”48 小时阅读量 1.2 亿'],
    ['higher-authority-instruction', '省局交办函（浙市监质〔2026〕12 号）要求抽检电热毯'],
  ])(
    'creates an emergency plan triggered by %s and shows the trigger in the plan view',
    async (trigger, evidence) => {
      const id = await draft({ kind: 'emergency', emergencyTrigger: trigger, emergencyEvidence: evidence });
      const view = await client.call<Record<string, unknown>>('GET', `/plans/${id}`, PLANNER);
      expect(view.status).toBe(200);
      // The kind of its own in emergencyTriggerKind; release 1.0's emergencyTrigger reads `other`.
      expect(view.body).toMatchObject({
        kind: 'emergency',
        emergencyTriggerKind: trigger,
        emergencyTrigger: 'other',
        emergencyEvidence: evidence,
      });
    },
  );

  it('refuses an emergency trigger the rules do not name (400 naming the field)', async () => {
    const reply = await client.call('POST', '/plans', PLANNER, {
      ...planCommand({ kind: 'emergency', emergencyEvidence: '网传' }),
      emergencyTrigger: 'rumour',
    });
    expect(reply.status).toBe(400);
    expect(reply.body['errors']).toEqual([
      { field: 'emergencyTrigger', reasons: [expect.stringContaining('public-opinion')] },
    ]);
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

  it('lists plans by several statuses, a page at a time, with the count of every status', async () => {
    // A service of its own: the other tests' plans would be counted too.
    const own = await startTestService(planningService);
    const c = new PlanningClient(own);
    try {
      const create = async () =>
        (await c.call<{ id: string }>('POST', '/plans', PLANNER, planCommand())).body.id;
      const [draftId, returnedId, submittedId, approvedId] = [
        await create(),
        await create(),
        await create(),
        await create(),
      ];
      for (const id of [returnedId, submittedId, approvedId])
        await c.call('POST', `/plans/${id}/submit`, PLANNER);
      await c.call('POST', `/plans/${returnedId}/return`, APPROVER, { reason: '抽样数量不足' });
      await c.call('POST', `/plans/${approvedId}/approve`, APPROVER);
      type Page = {
        items: Array<{ id: string; returned: boolean }>;
        total: number;
        counts: Record<string, number>;
      };
      const list = async (query: string) => (await c.call<Page>('GET', `/plans${query}`, PLANNER)).body;

      const mine = await list('?status=draft,returned');
      expect(mine.items.map((p) => p.id)).toEqual([returnedId, draftId]);
      expect(mine.total).toBe(2);
      expect(mine.counts).toEqual({ draft: 2, returned: 1, submitted: 1, approved: 1, active: 0, closed: 0 });
      expect((await list('?status=returned')).items).toEqual([
        expect.objectContaining({ id: returnedId, returned: true }),
      ]);
      expect((await list('?status=submitted&status=approved')).items.map((p) => p.id)).toEqual([
        approvedId,
        submittedId,
      ]);

      const first = await list('?pageSize=3');
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(first.items.map((p) => p.id)).toEqual([approvedId, submittedId, returnedId]);
      expect((await list('?pageSize=3&page=2')).items.map((p) => p.id)).toEqual([draftId]);

      const bad = await c.call<{ errors: Array<{ field: string }> }>(
        'GET',
        '/plans?status=draft,pending',
        PLANNER,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e) => e.field)).toEqual(['status']);
    } finally {
      await own.stop();
    }
  });

  it("shows the plan's seed and its draw per category once listings are selected", async () => {
    const report = await client.importCsv(
      toCsv(
        Array.from({ length: 6 }, (_, i) => listingRecord(`D${i + 1}`, { priceFen: 50_000 + i * 4_000 })),
      ),
    );
    expect(report.body['accepted']).toBe(6);
    const id = await draft({
      seed: 'draw-seed-7',
      randomShare: 0.5,
      scheme: { ...planCommand().scheme, categories: [quota({ quota: 2 })] },
    });
    expect((await client.call('GET', `/plans/${id}`, PLANNER)).body).toMatchObject({
      seed: 'draw-seed-7',
      draw: null,
    });
    const picks = await client.select(id);

    const plan = await client.call<Record<string, unknown>>('GET', `/plans/${id}`, APPROVER);
    expect(plan.body).toMatchObject({
      seed: 'draw-seed-7',
      randomShare: 0.5,
      selectedAt: expect.any(String),
      draw: {
        year: expect.any(Number),
        spentFen: expect.any(Number),
        categories: [
          expect.objectContaining({
            category: 'silk-quilt',
            quota: 2,
            ranked: 1,
            random: 1,
            median: expect.any(Number),
          }),
        ],
      },
    });
    // The draw is reproducible: selecting again with the same seed takes the same listings the same way.
    expect(await client.select(id)).toEqual(picks);
  });
});
