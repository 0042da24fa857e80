import { startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

interface Stages {
  batchNumber: string;
  stages: Array<{
    stage: string;
    at: string;
    actor: string | null;
    deadline?: { due: string; met: boolean | null };
    evidence?: Array<{ objectId: string; kind: string }>;
    facts: Record<string, unknown>;
  }>;
}

describe("the lab gateway's stages of a batch, each lab seeing only its own", () => {
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;
  let batchNumber: string;
  let lab: string;
  let otherLab: string;

  beforeAll(async () => {
    service = await startTestService(labGatewayService);
    gw = new LabGatewayHarness(service);
    const category = await gw.newCategory();
    lab = await gw.registerLab(category);
    otherLab = await gw.registerLab(await gw.newCategory());
    batchNumber = await gw.seal(category);
    await gw.dispatchesOf(batchNumber);
  });
  afterAll(async () => {
    await gw.close();
    await service.stop();
  });

  it('shows the dispatch: when, to which lab by which draw, and the testing deadline still open', async () => {
    const reply = await gw.get(`/batches/${batchNumber}/stages`, await service.auth({ roles: ['auditor'] }));
    expect(reply.status).toBe(200);
    const body = reply.body as Stages;
    expect(body.batchNumber).toBe(batchNumber);
    expect(body.stages).toEqual([
      expect.objectContaining({
        stage: 'dispatched',
        actor: null,
        deadline: expect.objectContaining({ met: null, due: expect.stringMatching(/T15:59:59\.999Z$/) }),
        facts: expect.objectContaining({
          labId: lab,
          purpose: 'initial',
          candidates: 1,
          drawSeed: expect.any(String),
        }),
      }),
    ]);
  });

  it('lets the lab that has the sample see it, and answers another lab exactly as for a missing batch', async () => {
    expect((await gw.get(`/batches/${batchNumber}/stages`, await gw.lab(lab))).status).toBe(200);
    const foreign = await gw.get(`/batches/${batchNumber}/stages`, await gw.lab(otherLab));
    const missing = await gw.get('/batches/HZ1999-999999/stages', await gw.lab(otherLab));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(lab);
    expect(Object.keys(foreign.body as object).sort()).toEqual(Object.keys(missing.body as object).sort());
    // A lab token whose claim is no lab of this registry sees nothing either.
    const unknown = await gw.get(
      `/batches/${batchNumber}/stages`,
      await service.auth({ roles: ['lab'], labId: 'LAB-X' }),
    );
    expect(unknown.status).toBe(404);
  });

  it('names each report by its id, so an amended report points to the one it replaces', async () => {
    const { auth, dispatch } = await gw.acceptedAssignment();
    const first = gw.validReport(dispatch.sampleCode);
    const firstReply = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, first);
    expect(firstReply.status).toBe(201);
    const amended = gw.validReport(dispatch.sampleCode, {
      amendsReportNumber: first['reportNumber'],
      amendmentReason: '更正实测值',
    });
    const amendedReply = await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, amended);
    expect(amendedReply.status).toBe(201);
    const body = (await gw.get(`/batches/${dispatch.batchNumber}/stages`, auth)).body as Stages;
    const reports = body.stages.filter((s) => s.stage === 'reported');
    expect(reports.map((s) => s.facts)).toEqual([
      expect.objectContaining({ reportId: (firstReply.body as { id: string }).id, amendsReportId: null }),
      expect.objectContaining({
        reportId: (amendedReply.body as { id: string }).id,
        reportNumber: amended['reportNumber'],
        amendsReportId: (firstReply.body as { id: string }).id,
      }),
    ]);
  });

  it('shows the report received with its signatory and the document, the testing deadline then met', async () => {
    const category = await gw.newCategory();
    const reportingLab = await gw.registerLab(category);
    const reported = await gw.seal(category);
    const [dispatch] = await gw.dispatchesOf(reported);
    const auth = await gw.lab(reportingLab);
    expect((await gw.post(`/v1/assignments/${dispatch.id}/accept`, auth, {})).status).toBe(200);
    const report = gw.validReport(dispatch.sampleCode);
    expect((await gw.post(`/v1/assignments/${dispatch.id}/reports`, auth, report)).status).toBe(201);
    const reply = await gw.get(`/batches/${reported}/stages`, auth);
    expect(reply.status).toBe(200);
    const body = reply.body as Stages;
    expect(body.stages.map((s) => s.stage)).toEqual(['dispatched', 'reported']);
    expect(body.stages[0]?.deadline?.met).toBe(true);
    expect(body.stages[1]).toMatchObject({
      actor: '王工',
      evidence: [{ objectId: report['reportDocumentId'], kind: 'lab-report' }],
      facts: { reportNumber: report['reportNumber'], verdict: 'fail', labId: reportingLab },
    });
    expect(Date.parse(body.stages[1]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(body.stages[0]?.at ?? ''));
    // The auditor may open the report document in the evidence service; a planner may not, and gets no id.
    const audited = (await gw.get(`/batches/${reported}/stages`, await service.auth({ roles: ['auditor'] })))
      .body as Stages;
    expect(audited.stages[1]?.evidence).toEqual([
      { objectId: report['reportDocumentId'], kind: 'lab-report' },
    ]);
    const planned = await gw.get(`/batches/${reported}/stages`, await service.auth({ roles: ['planner'] }));
    expect((planned.body as Stages).stages[1]).toMatchObject({
      stage: 'reported',
      facts: { reportNumber: report['reportNumber'] },
    });
    expect((planned.body as Stages).stages[1]).not.toHaveProperty('evidence');
    expect(JSON.stringify(planned.body)).not.toContain(String(report['reportDocumentId']));
    // The lab that has the batch does not see this one.
    const foreign = await gw.get(`/batches/${reported}/stages`, await gw.lab(lab));
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain(String(report['reportNumber']));
  });

  it('refuses roles with no business in testing (403) and answers 404 for an unknown batch', async () => {
    const platform = await service.auth({ roles: ['platform'], platformId: 'yungou' });
    expect((await gw.get(`/batches/${batchNumber}/stages`, platform)).status).toBe(403);
    for (const roles of [['buyer'], ['purchasing-admin'], ['intake-officer']])
      expect((await gw.get(`/batches/${batchNumber}/stages`, await service.auth({ roles }))).status).toBe(
        403,
      );
    const officer = await service.auth({ roles: ['enforcement-officer'], jurisdiction: '330100' });
    expect((await gw.get(`/batches/${batchNumber}/stages`, officer)).status).toBe(403);
    expect((await gw.get('/batches/HZ1999-999999/stages', await gw.admin())).status).toBe(404);
  });
});
