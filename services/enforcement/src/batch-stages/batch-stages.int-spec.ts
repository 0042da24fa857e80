import { randomInt } from 'node:crypto';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, type Claims, materialsReceived } from '../testing/enforcement-fixture';
import { CalendarSource } from '../kernel/calendar-source';
import { endOfShanghaiDay, shanghaiDate } from '@qis/domain';

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
const approver: Claims = { roles: ['approver'], sub: 'approver-zhou' };
const planner: Claims = { roles: ['planner'], sub: 'planner-li' };

/** Enforcement's stages of a batch, and who may see them: district officers only once routed to them. */
describe("enforcement's stages of a batch", () => {
  let fx: EnforcementFixture;
  const routedBatch = `HZ2026-${String(randomInt(950_000, 999_999))}`;
  const openBatch = `HZ2026-${String(randomInt(900_000, 949_999))}`;
  const objectedBatch = `HZ2026-${String(randomInt(850_000, 899_999))}`;
  let deliveredAt: string;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    // Reported today: the notices are delivered in time, the 5 working days run from now.
    const issuedAt = (await fx.now()).toISOString();
    await fx.batch(routedBatch, { report: { issuedAt } });
    await fx.batch(openBatch, { report: { issuedAt } });
    await fx.batch(objectedBatch, { report: { issuedAt } });
    await fx.notices(routedBatch, 'result', 2);
    await fx.notices(openBatch, 'result', 2);
    deliveredAt = await fx.deliverAll(routedBatch);
    await fx.windowsRunOut();
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
    // The officer who recorded the delivery; the final result and the routing were the rules'.
    const delivered = notified.filter((n) => n.facts['channel'] !== 'public-notice');
    expect(delivered.length).toBeGreaterThanOrEqual(2);
    for (const n of delivered) expect(n).toMatchObject({ actor: 'officer-330100', at: deliveredAt });
    expect(reply.body.stages.find((s) => s.stage === 'routed')).toMatchObject({
      actor: null,
      deadline: { met: null, rule: expect.stringContaining('CASE_DUE_DAYS') },
    });
    expect(reply.body.stages.find((s) => s.stage === 'final')?.actor).toBeNull();
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
    const unknown = await stagesOf('HZ1999-999999', auditor);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('330110');
    expect(foreign.body).not.toHaveProperty('stages');
    expect(Object.keys(foreign.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(foreign.body).toMatchObject({
      statusCode: 404,
      error: 'Not Found',
      message: `batch ${routedBatch} not found`,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: 'batch HZ1999-999999 not found' });
    // Another province's officer, too.
    expect((await stagesOf(routedBatch, officer('320100'))).status).toBe(404);
  });

  it('shows a batch not routed yet to the district the routing rules would hand it to, not to another district, and to staff', async () => {
    // The district desk follows its batches from the result notice on (cases/batch-scope.ts).
    expect((await stagesOf(openBatch, officer('330110'))).status).toBe(200);
    expect((await stagesOf(openBatch, officer('330108'))).status).toBe(404);
    const staff = await stagesOf(openBatch, auditor);
    expect(staff.status).toBe(200);
    // Seller, producer and platform are notified; nothing is final, routed or closed yet.
    expect(new Set(staff.body.stages.map((s) => s.stage))).toEqual(new Set(['notified']));
    expect(staff.body.stages.length).toBeGreaterThanOrEqual(2);
    expect(staff.body.stages[0].deadline?.met).not.toBe(true);
  });

  it('shows the objection with the officer who recorded it, its decision and the 7-day procedures deadline', async () => {
    // Delivered after the scan of beforeAll, so the 15-day window is still open to this objection.
    await fx.deliverAll(objectedBatch);
    const filedAt = (await fx.now()).toISOString();
    const filed = await fx.call<{ id: string }>(
      'POST',
      `/batches/${objectedBatch}/objections`,
      officer('330100'),
      {
        applicantRole: 'seller',
        applicantName: '杭州某某家纺有限公司',
        filedAt,
        materials: materialsReceived,
      },
    );
    expect(filed.status).toBe(201);
    const decided = await fx.call('POST', `/objections/${filed.body.id}/decision`, approver, {
      approve: true,
      reason: '申请材料齐全，同意复检',
      decidedAt: filedAt,
    });
    expect(decided.status).toBe(200);
    await fx.dispatchReinspection(objectedBatch, (await fx.now()).toISOString());
    // 7 days from the applicant's receipt of the 《复检机构确定通知书》, moved past rest days and holidays.
    const receivedAt = new Date(await fx.receiveLabNotices(filed.body.id));
    const calendar = await fx.service.app.get(CalendarSource).current();
    const due = endOfShanghaiDay(calendar.lastDayOfPeriod(shanghaiDate(receivedAt), 7)).toISOString();
    const objected = await expectEventually(async () => {
      const r = await stagesOf(objectedBatch, planner);
      const found = r.body.stages.find((s) => s.stage === 'objected');
      expect(found?.deadline).toBeDefined();
      return found;
    });
    expect(objected).toMatchObject({
      at: filedAt,
      actor: 'officer-330100',
      deadline: {
        due,
        met: null, // still running
        rule: expect.stringContaining('within 7 days'),
      },
      facts: {
        objectionId: filed.body.id,
        applicant: 'seller',
        status: 'approved',
        decidedBy: approver.sub,
        decidedAt: filedAt,
      },
    });
    // Not routed (an objection is pending): the sampling city's officers, who recorded the
    // objection, and the district it would be routed to see it; another district does not.
    expect((await stagesOf(objectedBatch, officer('330100'))).status).toBe(200);
    expect((await stagesOf(objectedBatch, officer('330110'))).status).toBe(200);
    expect((await stagesOf(objectedBatch, officer('330108'))).status).toBe(404);
  });

  it('shows the case closed by the officer who closed it, the routing deadline then met', async () => {
    const cases = await fx.call<Array<{ id: string; batchNumber: string }>>(
      'GET',
      '/cases',
      officer('330110'),
    );
    const kase = cases.body.find((c) => c.batchNumber === routedBatch);
    expect(kase).toBeDefined();
    for (const step of ['accept', 'investigate'])
      expect((await fx.call('POST', `/cases/${kase?.id}/${step}`, officer('330110'))).status).toBe(200);
    const closed = await fx.call('POST', `/cases/${kase?.id}/close`, officer('330110'), {
      outcomes: ['takedown-confirmed'],
      summary: '平台已下架',
    });
    expect(closed.status).toBe(200);
    const reply = await stagesOf(routedBatch, officer('330110'));
    expect(reply.status).toBe(200);
    const stages = reply.body.stages;
    expect(stages[stages.length - 1]).toMatchObject({
      stage: 'closed',
      actor: 'officer-330110',
      facts: { caseId: kase?.id, outcomes: ['takedown-confirmed'], summary: '平台已下架' },
    });
    expect(stages.find((s) => s.stage === 'routed')).toMatchObject({
      deadline: { met: true },
      facts: { status: 'closed', acceptedAt: expect.any(String) },
    });
    // A planner follows it without the notices' evidence ids (only evidence readers get them).
    const forPlanner = await stagesOf(routedBatch, planner);
    expect(forPlanner.body.stages.map((s) => s.stage)).toEqual(stages.map((s) => s.stage));
    for (const s of forPlanner.body.stages) expect(s).not.toHaveProperty('evidence');
  });

  it('refuses roles with no business in enforcement (403)', async () => {
    expect(
      (await stagesOf(routedBatch, { roles: ['platform'], platformId: 'yungou', sub: 'p' })).status,
    ).toBe(403);
    for (const roles of [['buyer'], ['purchasing-admin'], ['intake-officer']])
      expect((await stagesOf(routedBatch, { roles, sub: roles[0] })).status).toBe(403);
    expect((await stagesOf(routedBatch, { roles: ['lab'], labId: 'L001', sub: 'lab' })).status).toBe(403);
    // An officer's token without a jurisdiction carries no scope: refused before any lookup.
    expect((await stagesOf(routedBatch, { roles: ['enforcement-officer'], sub: 'o' })).status).toBe(403);
  });
});
