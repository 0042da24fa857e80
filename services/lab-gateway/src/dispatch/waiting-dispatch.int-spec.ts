import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

interface WaitingSample {
  batchNumber: string;
  purpose: string;
  attempts: number;
  exclusions: Record<string, string[]>;
}

describe('samples waiting for a lab (real PostgreSQL and Kafka)', () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;

  beforeAll(async () => {
    service = await startTestService(labGatewayService);
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  const waiting = async (): Promise<WaitingSample[]> =>
    (await gw.get('/waiting-samples', await gw.admin())).body as WaitingSample[];
  const auditActions = async (entityType: string) => {
    const res = await gw.get(
      `/audit?entityType=${entityType}&pageSize=100`,
      await service.auth({ roles: ['auditor'] }),
    );
    return (res.body as { items: Array<{ action: string; detail: { batchNumber?: string } }> }).items;
  };

  it('keeps a sealed sample no lab can take, alerts once, and dispatches it when a qualified lab is registered', async () => {
    const category = await gw.newCategory();
    const expired = await gw.registerLab(category, { cmaExpiresOn: '2025-01-01' });
    const batch = await gw.seal(category);
    const [held] = await expectEventually(async () => {
      const mine = (await waiting()).filter((w) => w.batchNumber === batch);
      expect(mine).toHaveLength(1);
      return mine;
    });
    expect(held).toMatchObject({ purpose: 'initial', attempts: 1 });
    expect(held.exclusions[expired]?.join(' ')).toContain('CMA');
    const alerts = (await auditActions('waiting-dispatch')).filter((e) => e.detail.batchNumber === batch);
    expect(alerts.map((e) => e.action)).toEqual(['dispatch.waiting']);

    const lab = await gw.registerLab(category);
    const [dispatch] = await gw.dispatchesOf(batch);
    expect(dispatch).toMatchObject({ labId: lab, status: 'dispatched', purpose: 'initial' });
    expect((await waiting()).map((w) => w.batchNumber)).not.toContain(batch);
    const resolved = (await auditActions('assignment')).filter(
      (e) => e.action === 'dispatch.waiting.resolved' && e.detail.batchNumber === batch,
    );
    expect(resolved).toHaveLength(1);
  });

  it('dispatches a waiting sample when the only lab frees capacity by reporting', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category, { capacity: 1 });
    const first = await gw.seal(category);
    const [dispatch] = await gw.dispatchesOf(first);
    const second = await gw.seal(category);
    await expectEventually(async () => {
      const mine = (await waiting()).find((w) => w.batchNumber === second);
      expect(mine?.exclusions[lab]).toEqual(['no free capacity']);
    });
    expect(await gw.dispatchesOf(second, 0)).toEqual([]);

    const auth = await gw.lab(lab);
    expect((await gw.post(`/v1/assignments/${dispatch.id}/accept`, auth, {})).status).toBe(200);
    const report = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      auth,
      gw.validReport(dispatch.sampleCode),
    );
    expect(report.status).toBe(201);
    const [next] = await gw.dispatchesOf(second);
    expect(next.labId).toBe(lab);
  });

  it('keeps a declined sample waiting when no other lab can take it, instead of dropping it', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const batch = await gw.seal(category);
    const [dispatch] = await gw.dispatchesOf(batch);
    const res = await gw.post(`/v1/assignments/${dispatch.id}/decline`, await gw.lab(lab), {
      reason: '设备检修',
    });
    expect(res.status).toBe(200);
    const held = (await waiting()).find((w) => w.batchNumber === batch);
    expect(held?.exclusions[lab]).toContain('excluded from this draw');
    const other = await gw.registerLab(category);
    const dispatches = await gw.dispatchesOf(batch, 2);
    expect(dispatches.find((d) => d.id !== dispatch.id)?.labId).toBe(other);
  });
});
