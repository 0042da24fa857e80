import { startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { LabGatewayConfig } from '../../lab-gateway.config';
import { labGatewayService } from '../../lab-gateway.definition';
import { LabGatewayHarness } from '../../testing/lab-gateway-harness';

interface AssignmentBody {
  id: string;
  batchNumber: string;
  sampleCode: string;
  status: string;
}

/**
 * The lab sandbox: an integrator's sandbox lab practises the whole lab API on synthetic assignments
 * that touch no real batch — nothing published, no other lab drawn, never in the bureau's lists —
 * and is never drawn for a real sample.
 */
describe('lab sandbox', () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;
  let category: string;
  let sandboxLab: string;
  let realLab: string;

  beforeAll(async () => {
    service = await startTestService(labGatewayService, { LAB_SANDBOX_ENABLED: 'true' });
    gw = new LabGatewayHarness(service);
    category = await gw.newCategory();
    sandboxLab = await gw.registerLab(category, { sandbox: true });
    realLab = await gw.registerLab(category);
  });
  afterAll(async () => {
    await gw?.close();
    await service?.stop();
  });

  const sandboxAssignment = async (): Promise<AssignmentBody> => {
    const res = await gw.post('/v1/sandbox/assignments', await gw.lab(sandboxLab), { category }, null);
    expect(res.status).toBe(201);
    return res.body as AssignmentBody;
  };
  const outboxRowsFor = async (batchNumber: string): Promise<number> =>
    (
      (await service.app
        .get(DataSource)
        .query('select count(*)::int as n from outbox where message_key = $1', [batchNumber])) as Array<{
        n: number;
      }>
    )[0].n;

  it('gives a sandbox lab a synthetic assignment it accepts, progresses and reports on like a real one, publishing nothing', async () => {
    const auth = await gw.lab(sandboxLab);
    const a = await sandboxAssignment();
    expect(a).toMatchObject({ status: 'dispatched', batchNumber: expect.stringMatching(/^SANDBOX-/) });
    const mine = (await gw.get('/v1/assignments', auth)).body as { items: AssignmentBody[] };
    expect(mine.items.map((i) => i.id)).toContain(a.id);
    expect((await gw.post(`/v1/assignments/${a.id}/accept`, auth, {})).status).toBe(200);
    expect(
      (await gw.post(`/v1/assignments/${a.id}/progress`, auth, { stage: 'testing', note: '样品已开始检测' }))
        .status,
    ).toBe(200);
    const report = await gw.post(`/v1/assignments/${a.id}/reports`, auth, gw.validReport(a.sampleCode));
    expect(report.status).toBe(201);
    expect(await outboxRowsFor(a.batchNumber)).toBe(0);
    // Not in the bureau's dispatch list.
    const dispatches = (await gw.get('/dispatches?pageSize=100', await gw.admin())).body as {
      items: Array<{ id: string }>;
    };
    expect(dispatches.items.map((d) => d.id)).not.toContain(a.id);
  });

  it('draws no other lab when a sandbox assignment is declined', async () => {
    const a = await sandboxAssignment();
    const declined = await gw.post(`/v1/assignments/${a.id}/decline`, await gw.lab(sandboxLab), {
      reason: '沙箱练习：拒收',
    });
    expect(declined.status).toBe(200);
    const rows = (await service.app
      .get(DataSource)
      .query('select count(*)::int as n from assignment where batch_number = $1', [a.batchNumber])) as Array<{
      n: number;
    }>;
    expect(rows[0].n).toBe(1);
    expect(await outboxRowsFor(a.batchNumber)).toBe(0);
  });

  it('never draws the sandbox lab for a real sample, though it is in scope', async () => {
    for (let i = 0; i < 3; i++) {
      const [dispatch] = await gw.dispatchesOf(await gw.seal(category));
      expect(dispatch.labId).toBe(realLab);
      expect(dispatch.candidateLabIds).not.toContain(sandboxLab);
    }
  });

  it('refuses a real lab (403), a category outside the sandbox lab (422 naming category), and nothing leaks', async () => {
    const real = await gw.post('/v1/sandbox/assignments', await gw.lab(realLab), { category }, null);
    expect(real.status).toBe(403);
    const outside = await gw.post(
      '/v1/sandbox/assignments',
      await gw.lab(sandboxLab),
      { category: 'not-ours' },
      null,
    );
    expect(outside.status).toBe(422);
    // The one error envelope of every service: each field with its list of reasons.
    expect((outside.body as { errors: unknown }).errors).toEqual([
      { field: 'category', reasons: ["outside the sandbox lab's scope"] },
    ]);
  });

  it('does not exist where the sandbox is off: the route answers 404 and a sandbox lab cannot be registered', async () => {
    const plain = await startTestService(labGatewayService);
    try {
      const off = new LabGatewayHarness(plain);
      const cat = await off.newCategory();
      const lab = await off.registerLab(cat);
      const res = await off.post('/v1/sandbox/assignments', await off.lab(lab), { category: cat }, null);
      expect(res.status).toBe(404);
      const registering = await off.post('/labs', await off.admin(), {
        name: '沙箱实验室',
        address: '杭州',
        cmaNumber: 'CMA-SANDBOX-1',
        cmaExpiresOn: '2030-12-31',
        qualificationLevel: 1,
        scopes: [{ category: cat, standards: [] }],
        capacity: 10,
        turnaroundWorkingDays: 10,
        sandbox: true,
      });
      expect(registering.status).toBe(422);
      expect((registering.body as { errors: unknown }).errors).toEqual([
        { field: 'sandbox', reasons: ['the lab sandbox is not enabled on this gateway'] },
      ]);
      await off.close();
    } finally {
      await plain.stop();
    }
  });
});
