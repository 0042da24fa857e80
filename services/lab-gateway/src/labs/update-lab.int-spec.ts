import { startTestService, type TestService } from '@qis/testing';
import { labGatewayService } from '../lab-gateway.definition';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

describe('updating a lab in the registry (PATCH /labs/{id})', () => {
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

  const patch = async (id: string, body: unknown) => {
    const res = await fetch(`${service.url}/labs/${id}`, {
      method: 'PATCH',
      headers: { ...(await gw.admin()), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('changes the fields given and keeps the others', async () => {
    const category = await gw.newCategory();
    const id = await gw.registerLab(category);
    const reply = await patch(id, { capacity: 7, address: '浙江省杭州市滨江区新地址2号' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, capacity: 7, address: '浙江省杭州市滨江区新地址2号' });
    expect(reply.body['scopes']).toEqual([expect.objectContaining({ category })]);
  });

  it.each(['scopes', 'name', 'capacity', 'cmaExpiresOn', 'active'])(
    'refuses %s: null with 400 naming it, and changes nothing (found by fuzzing: a null was a 500)',
    async (field) => {
      const category = await gw.newCategory();
      const id = await gw.registerLab(category);
      const reply = await patch(id, { capacity: 9, [field]: null });
      expect(reply.status).toBe(400);
      expect((reply.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual([field]);
      const lab = await gw.get(`/labs/${id}`, await gw.admin());
      expect(lab.body).toMatchObject({ id, scopes: [expect.objectContaining({ category })] });
      expect((lab.body as { capacity: number }).capacity).not.toBe(9);
    },
  );

  it("refuses to take another lab's CMA number with 409 and changes nothing (found by fuzzing: it was a 500)", async () => {
    const category = await gw.newCategory();
    const first = await gw.registerLab(category);
    const second = await gw.registerLab(category);
    const taken = (await gw.get(`/labs/${first}`, await gw.admin())).body as { cmaNumber: string };
    const reply = await patch(second, { cmaNumber: taken.cmaNumber, capacity: 3 });
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ code: 'already_exists' });
    expect(reply.body['message']).toContain(taken.cmaNumber);
    const after = (await gw.get(`/labs/${second}`, await gw.admin())).body as Record<string, unknown>;
    expect(after['cmaNumber']).not.toBe(taken.cmaNumber);
    expect(after['capacity']).not.toBe(3);
  });
});
