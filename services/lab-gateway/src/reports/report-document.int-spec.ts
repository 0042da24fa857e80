import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { startEvidenceProcess, startTestService, type EvidenceProcess, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

jest.setTimeout(180_000);

interface FieldErrors {
  errors: Array<{ field: string; reasons: string[] }>;
}

/**
 * A report's signed PDF checked at the evidence service running as its own built process (own
 * database and bucket on the real MinIO), with the lab's own token: only a finalized lab report of
 * the assignment's batch that this lab uploaded is accepted.
 */
describe("a report's signed PDF verified at the evidence service", () => {
  let evidence: EvidenceProcess;
  let service: TestService<LabGatewayConfig>;
  let gw: LabGatewayHarness;

  beforeAll(async () => {
    evidence = await startEvidenceProcess();
    service = await startTestService(labGatewayService, { EVIDENCE_URL: evidence.url });
    gw = new LabGatewayHarness(service);
  });
  afterAll(async () => {
    await gw?.close();
    await service?.stop();
    await evidence?.stop();
  });

  /** Uploads a PDF as the caller; finalized unless told otherwise. Returns the evidence object id. */
  async function upload(
    auth: Record<string, string>,
    batchNumber: string,
    { kind = 'lab-report', finalize = true } = {},
  ): Promise<string> {
    const data = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1024)]);
    const headers = { ...auth, 'content-type': 'application/json' };
    const start = await fetch(`${evidence.url}/evidence/uploads`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind,
        batchNumber,
        contentType: 'application/pdf',
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
      }),
    });
    expect(start.status).toBe(201);
    const ticket = (await start.json()) as { objectId: string; url: string; headers: Record<string, string> };
    expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: data })).status).toBe(
      200,
    );
    if (finalize) {
      const done = await fetch(`${evidence.url}/evidence/uploads/${ticket.objectId}/finalize`, {
        method: 'POST',
        headers,
        body: '{}',
      });
      expect(done.status).toBe(200);
    }
    return ticket.objectId;
  }

  it('accepts a report whose PDF is a finalized lab report of the batch, uploaded by the lab, as verified', async () => {
    const { auth, dispatch } = await gw.acceptedAssignment();
    const pdf = await upload(auth, dispatch.batchNumber);
    const res = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      auth,
      gw.validReport(dispatch.sampleCode, { reportDocumentId: pdf }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ reportDocumentId: pdf, documentVerification: 'verified' });
  });

  it('refuses with 422 naming reportDocumentId a PDF that is unknown, unfinalized, of another batch or kind, or not the lab’s own', async () => {
    const { auth, dispatch } = await gw.acceptedAssignment();
    const other = await gw.acceptedAssignment();
    const cases: Array<[string, string]> = [
      [randomUUID(), 'not found'],
      [await upload(auth, dispatch.batchNumber, { finalize: false }), 'is not finalized (pending)'],
      [await upload(auth, gw.nextBatchNumber()), 'belongs to batch'],
      [
        await upload(auth, dispatch.batchNumber, { kind: 'sample-photo' }),
        'is a sample-photo, not a lab-report',
      ],
      // another lab's upload, even of this batch: the evidence service does not show it to this lab
      [await upload(other.auth, dispatch.batchNumber), 'not found'],
    ];
    for (const [pdf, reason] of cases) {
      const res = await gw.post(
        `/v1/assignments/${dispatch.id}/reports`,
        auth,
        gw.validReport(dispatch.sampleCode, { reportDocumentId: pdf }),
      );
      expect(res.status).toBe(422);
      const errors = (res.body as FieldErrors).errors;
      expect(errors).toEqual([{ field: 'reportDocumentId', reasons: [expect.stringContaining(reason)] }]);
    }
    // nothing was stored: the assignment still takes its first report
    const pdf = await upload(auth, dispatch.batchNumber);
    const ok = await gw.post(
      `/v1/assignments/${dispatch.id}/reports`,
      auth,
      gw.validReport(dispatch.sampleCode, { reportDocumentId: pdf }),
    );
    expect(ok.status).toBe(201);
  });
});
