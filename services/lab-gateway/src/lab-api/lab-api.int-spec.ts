import { randomUUID } from 'node:crypto';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { DataSource } from 'typeorm';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

interface FieldErrors {
  errors: Array<{ field: string; reasons: string[] }>;
}

describe('lab API v1 (real PostgreSQL and Kafka)', () => {
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

  const acceptedAssignment = () => gw.acceptedAssignment();

  it('lists only my own assignments, paged and by status', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const batches = await Promise.all(Array.from({ length: 3 }, () => gw.seal(category)));
    for (const b of batches) await gw.dispatchesOf(b);
    const auth = await gw.lab(lab);
    const page = await gw.get('/v1/assignments?pageSize=2&status=dispatched', auth);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    type Item = { batchNumber: string; dispatchedAt: string };
    const items = (page.body as { items: Item[] }).items;
    expect(items).toHaveLength(2);
    for (const item of items) expect(batches).toContain(item.batchNumber);
    expect(item0Keys(page.body)).not.toContain('drawSeed');
    // Newest first, and the next page holds the rest with the same total.
    const second = await gw.get('/v1/assignments?pageSize=2&page=2&status=dispatched', auth);
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    const all = [...items, ...(second.body as { items: Item[] }).items];
    expect(all.map((i) => i.batchNumber).sort()).toEqual([...batches].sort());
    const times = all.map((i) => Date.parse(i.dispatchedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const beyond = await gw.get('/v1/assignments?pageSize=2&page=3&status=dispatched', auth);
    expect(beyond.body).toMatchObject({ page: 3, items: [], total: 3 });
  });

  it('refuses another lab any access to my assignment (the same 404 as a missing one)', async () => {
    const { dispatch } = await acceptedAssignment();
    const otherLab = await gw.registerLab(await gw.newCategory());
    const other = await gw.lab(otherLab);
    const missing = await gw.get(`/v1/assignments/${randomUUID()}`, other);
    const foreign = await gw.get(`/v1/assignments/${dispatch.id}`, other);
    expect(foreign.status).toBe(404);
    expect(Object.keys(foreign.body as object).sort()).toEqual(Object.keys(missing.body as object).sort());
    for (const action of ['accept', 'progress', 'decline', 'reports']) {
      const body =
        action === 'progress'
          ? { stage: 'testing' }
          : action === 'decline'
            ? { reason: 'x' }
            : action === 'reports'
              ? gw.validReport(dispatch.sampleCode)
              : {};
      expect((await gw.post(`/v1/assignments/${dispatch.id}/${action}`, other, body)).status).toBe(404);
    }
    const list = await gw.get('/v1/assignments', other);
    expect((list.body as { total: number }).total).toBe(0);
  });

  it('answers a retried POST with the stored answer and applies it once', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const key = randomUUID();
    const report = gw.validReport(dispatch.sampleCode);
    const first = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report, key);
    expect(first.status).toBe(201);
    // the same retry, several at once as an impatient client would send them
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report, key)),
    );
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    }
    const db = service.app.get(DataSource);
    const rows = await db.query('select count(*)::int as n from report where assignment_id = $1', [
      dispatch.id,
    ]);
    expect(rows[0].n).toBe(1);
    // Audited once each, with the stored answer (the audit entry goes with it in one statement).
    const audited = (await db.query(
      `select action from audit_log where entity_id in ($1, $2) or detail->>'assignmentId' = $1 order by id`,
      [dispatch.id, (first.body as { id: string }).id],
    )) as Array<{ action: string }>;
    expect(audited.map((a) => a.action).sort()).toEqual([
      'assignment.accept',
      'assignment.dispatch',
      'report.submit',
    ]);
  });

  it('applies concurrent first attempts under one key exactly once', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const key = randomUUID();
    const report = gw.validReport(dispatch.sampleCode);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report, key)),
    );
    const ids = new Set(answers.map((a) => (a.body as { id: string }).id));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(ids.size).toBe(1);
  });

  it('refuses with 409 an Idempotency-Key reused with another body', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const key = randomUUID();
    const first = await gw.post(`/v1/assignments/${dispatch.id}/progress`, auth, { stage: 'testing' }, key);
    expect(first.status).toBe(200);
    const reused = await gw.post(
      `/v1/assignments/${dispatch.id}/progress`,
      auth,
      { stage: 'reviewing' },
      key,
    );
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('Idempotency-Key'),
    });
  });

  it('refuses null for a field that may be left out, with 400 naming it (an integrator sending null gets told, nothing is stored)', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const res = await gw.post(`/v1/assignments/${dispatch.id}/progress`, auth, {
      stage: 'testing',
      note: null,
    });
    expect(res.status).toBe(400);
    expect((res.body as FieldErrors).errors.map((e) => e.field)).toEqual(['note']);
    const report = { ...gw.validReport(dispatch.sampleCode), testLocation: null, deviations: null };
    const refused = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report);
    expect(refused.status).toBe(400);
    expect((refused.body as FieldErrors).errors.map((e) => e.field).sort()).toEqual([
      'deviations',
      'testLocation',
    ]);
  });

  it('refuses a POST without an Idempotency-Key with 400 naming the header', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const res = await gw.post(`/v1/assignments/${dispatch.id}/progress`, auth, { stage: 'testing' }, null);
    expect(res.status).toBe(400);
    expect((res.body as FieldErrors).errors).toEqual([
      { field: 'Idempotency-Key', reasons: ['header is required on every POST'] },
    ]);
  });

  const invalid: Array<[string, (r: Record<string, unknown>) => Record<string, unknown>, string, string]> = [
    [
      'an unknown test item for the category',
      (r) => ({
        ...r,
        items: [
          ...(r['items'] as object[]),
          {
            item: '甲醛含量',
            standard: 'GB 18401',
            requirement: '≤ 75',
            measuredValue: '20',
            unit: 'mg/kg',
            verdict: 'pass',
          },
        ],
      }),
      'items[3].item',
      "unknown test item '甲醛含量'",
    ],
    [
      'a missing mandatory item',
      (r) => ({ ...r, items: (r['items'] as object[]).slice(0, 2) }),
      'items',
      "missing mandatory test item '纤维含量'",
    ],
    [
      'an overall pass with a failing item',
      (r) => ({ ...r, verdict: 'pass', failingItems: [] }),
      'verdict',
      'overall verdict pass but these items fail',
    ],
    [
      'failing items that did not fail',
      (r) => ({ ...r, failingItems: ['蚕丝含量', '质量偏差率'] }),
      'failingItems[1]',
      "'质量偏差率' is not an item with verdict fail",
    ],
    [
      'another sample code',
      (r) => ({ ...r, sample: { ...(r['sample'] as object), sampleCode: 'XX2026-000001-S' } }),
      'sample.sampleCode',
      'does not match the dispatched sample',
    ],
    [
      'an amendment naming no report',
      (r) => ({ ...r, amendsReportNumber: 'R-NONE', amendmentReason: '更正' }),
      'amendsReportNumber',
      'this assignment has no report to amend',
    ],
  ];
  it.each(invalid)('answers 422 with the reason for a report with %s', async (_, breakIt, field, reason) => {
    const { auth, dispatch } = await acceptedAssignment();
    const res = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      auth,
      breakIt(gw.validReport(dispatch.sampleCode)),
    );
    expect(res.status).toBe(422);
    const errors = (res.body as FieldErrors).errors;
    expect(errors.find((e) => e.field === field)?.reasons.join(' ')).toContain(reason);
  });

  it('answers 400 naming each field for a report of the wrong shape', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const res = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, {
      ...gw.validReport(dispatch.sampleCode),
      verdict: 'ok',
      reportDocumentId: 'not-a-uuid',
      extra: true,
    });
    expect(res.status).toBe(400);
    expect((res.body as FieldErrors).errors.map((e) => e.field).sort()).toEqual([
      'extra',
      'reportDocumentId',
      'verdict',
    ]);
  });

  it('publishes report-issued with the verdict and failing items, and an amended report referencing the one it replaces', async () => {
    const issued = await gw.reportsIssued();
    const { auth, dispatch, lab } = await acceptedAssignment();
    const original = gw.validReport(dispatch.sampleCode);
    const submitted = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, original);
    expect(submitted.status).toBe(201);
    const amendment = gw.validReport(dispatch.sampleCode, {
      amendsReportNumber: original['reportNumber'],
      amendmentReason: '质量偏差率单位更正',
    });
    const amended = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, amendment);
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ amendsReportNumber: original['reportNumber'] });

    const events = await expectEventually(() => {
      const mine = issued.filter((e) => e.batchNumber === dispatch.batchNumber);
      expect(mine).toHaveLength(2);
      return mine;
    });
    expect(events[0]).toMatchObject({
      reportNumber: original['reportNumber'],
      labId: lab,
      purpose: 'initial',
      verdict: 'fail',
      failingItems: ['蚕丝含量'],
      sampleCode: dispatch.sampleCode,
      // The bureau's receipt (§6): when the gateway accepted the report, beside the lab's issue time.
      issuedAt: original['issuedAt'],
      receivedAt: (submitted.body as { receivedAt: string }).receivedAt,
    });
    expect(events[0].amendsReportNumber).toBeUndefined();
    expect(events[1]).toMatchObject({
      reportNumber: amendment['reportNumber'],
      amendsReportNumber: original['reportNumber'],
    });
  });

  it('gives each amended report a new id referencing the one it replaces, and only the latest may be amended', async () => {
    const { auth, dispatch } = await acceptedAssignment();
    const path = `/v1/assignments/${dispatch.id}/reports`;
    const original = gw.validReport(dispatch.sampleCode);
    const first = await gw.post(path, auth, original);
    expect(first.status).toBe(201);
    const firstId = (first.body as { id: string }).id;
    const amend = (of: unknown) =>
      gw.validReport(dispatch.sampleCode, { amendsReportNumber: of, amendmentReason: '检测结果单位更正' });

    const second = await gw.post(path, auth, amend(original['reportNumber']));
    expect(second.status).toBe(201);
    const secondId = (second.body as { id: string }).id;
    expect(secondId).not.toBe(firstId);
    expect(second.body).toMatchObject({
      amendsReportNumber: original['reportNumber'],
      amendsReportId: firstId,
    });

    // the original was replaced already: an amendment must name the latest report
    const stale = await gw.post(path, auth, amend(original['reportNumber']));
    expect(stale.status).toBe(422);
    expect((stale.body as FieldErrors).errors).toEqual([
      {
        field: 'amendsReportNumber',
        reasons: [expect.stringContaining((second.body as { reportNumber: string }).reportNumber)],
      },
    ]);
    // a second report without naming the one it replaces is refused too
    const unnamed = await gw.post(path, auth, gw.validReport(dispatch.sampleCode));
    expect(unnamed.status).toBe(422);

    const third = await gw.post(path, auth, amend((second.body as { reportNumber: string }).reportNumber));
    expect(third.status).toBe(201);
    expect(third.body).toMatchObject({ amendsReportId: secondId });
    const rows = (await service.app
      .get(DataSource)
      .query('select id, amends_report_id from report where assignment_id = $1 order by received_at', [
        dispatch.id,
      ])) as Array<{ id: string; amends_report_id: string | null }>;
    expect(rows.map((r) => r.amends_report_id)).toEqual([null, firstId, secondId]);
  });

  it('draws another lab when a lab declines, never the one that declined', async () => {
    const category = await gw.newCategory();
    const labs = [await gw.registerLab(category), await gw.registerLab(category)];
    const batch = await gw.seal(category);
    const [first] = await gw.dispatchesOf(batch);
    const res = await gw.post(`/v1/assignments/${first.id}/decline`, await gw.lab(first.labId), {
      reason: '设备检修',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'declined', declineReason: '设备检修' });
    const dispatches = await gw.dispatchesOf(batch, 2);
    const second = dispatches.find((d) => d.id !== first.id)!;
    expect(second.labId).toBe(labs.find((l) => l !== first.labId));
    expect(second.candidateLabIds).toEqual([second.labId]);
  });

  it('refuses a report on an assignment that was not accepted (409)', async () => {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const [dispatch] = await gw.dispatchesOf(await gw.seal(category));
    const res = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      await gw.lab(lab),
      gw.validReport(dispatch.sampleCode),
    );
    expect(res.status).toBe(409);
  });
});

function item0Keys(body: unknown): string[] {
  return Object.keys((body as { items: object[] }).items[0]);
}
