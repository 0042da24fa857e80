import { randomInt } from 'node:crypto';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, type Claims } from '../testing/enforcement-fixture';

interface Stages {
  batchNumber: string;
  stages: Array<{
    stage: string;
    at: string;
    actor: string | null;
    deadline?: { due: string; met: boolean | null; rule: string };
    facts: Record<string, unknown>;
  }>;
}

const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-sun' };

/** Enforcement's stages of a batch, and who may see them: officers only once routed to them. */
describe("enforcement's stages of a batch", () => {
  let fx: EnforcementFixture;
  const routedBatch = `HZ2026-${String(randomInt(950_000, 999_999))}`;
  const openBatch = `HZ2026-${String(randomInt(900_000, 949_999))}`;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    await fx.batch(routedBatch, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await fx.batch(openBatch, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await fx.notices(routedBatch, 'result', 2);
    await fx.notices(openBatch, 'result', 2);
    await fx.deliverAll(routedBatch, '2026-06-01T02:00:00.000Z');
    await fx.scan();
  }, 180_000);
  afterAll(() => fx?.stop());

  const stagesOf = (batchNumber: string, as: Claims) =>
    fx.call<Stages>('GET', `/batches/${batchNumber}/stages`, as);

  it('lists the result notices with their 5-working-day deadline, the final result and the routing', async () => {
    const reply = await expectEventually(async () => {
      const r = await stagesOf(routedBatch, auditor);
      expect(r.body.stages.map((s) => s.stage)).toContain('routed');
      return r;
    });
    expect(reply.status).toBe(200);
    const notified = reply.body.stages.filter((s) => s.stage === 'notified');
    expect(notified.length).toBeGreaterThanOrEqual(2);
    expect(notified[0].deadline).toMatchObject({
      met: true,
      rule: expect.stringContaining('5 working days'),
    });
    expect(reply.body.stages.find((s) => s.stage === 'final')?.facts).toMatchObject({ verdict: 'fail' });
    expect(reply.body.stages.find((s) => s.stage === 'routed')?.facts).toMatchObject({ areaCode: '330110' });
    const times = reply.body.stages.map((s) => s.at);
    expect(times).toEqual([...times].sort());
  });

  it('shows the batch to officers of the district and the city it was routed to, and to no other district', async () => {
    expect((await stagesOf(routedBatch, officer('330110'))).status).toBe(200);
    expect((await stagesOf(routedBatch, officer('330100'))).status).toBe(200);
    const foreign = await stagesOf(routedBatch, officer('330108'));
    const missing = await stagesOf('HZ1999-999999', officer('330108'));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('330110');
    expect(Object.keys(foreign.body).sort()).toEqual(Object.keys(missing.body).sort());
  });

  it('keeps a batch that is not routed yet from every officer, while staff see its notices', async () => {
    expect((await stagesOf(openBatch, officer('330110'))).status).toBe(404);
    const staff = await stagesOf(openBatch, auditor);
    expect(staff.status).toBe(200);
    // Seller, producer and platform are notified; nothing is final, routed or closed yet.
    expect(new Set(staff.body.stages.map((s) => s.stage))).toEqual(new Set(['notified']));
    expect(staff.body.stages.length).toBeGreaterThanOrEqual(2);
    expect(staff.body.stages[0].deadline?.met).not.toBe(true);
  });

  it('refuses a platform (403)', async () => {
    expect(
      (await stagesOf(routedBatch, { roles: ['platform'], platformId: 'yungou', sub: 'p' })).status,
    ).toBe(403);
  });
});
