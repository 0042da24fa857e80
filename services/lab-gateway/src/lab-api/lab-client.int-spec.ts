import { createLabClient, LabApiError, type ReportSubmission } from '@qis/lab-client';
import { startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';
import { LabGatewayHarness } from '../testing/lab-gateway-harness';

/**
 * @qis/lab-client, typed from docs/openapi/lab-gateway.json, drives assignments on the running
 * service as a lab would: poll, accept, progress, report; retried calls applied once.
 */
describe('@qis/lab-client against the running lab gateway', () => {
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

  /** A lab of its own category with `count` dispatched assignments, and a client signed in as it. */
  async function labWithAssignments(count: number, fetchImpl?: typeof fetch) {
    const category = await gw.newCategory();
    const lab = await gw.registerLab(category);
    const batches = [];
    for (let i = 0; i < count; i++) batches.push(await gw.seal(category));
    const dispatches = (await Promise.all(batches.map((b) => gw.dispatchesOf(b)))).flat();
    const token = (await gw.lab(lab))['authorization']?.replace(/^Bearer /, '') as string;
    const client = createLabClient({
      baseUrl: service.url,
      token: () => token,
      backoffMs: 10,
      fetch: fetchImpl,
    });
    return { client, dispatches };
  }

  it('polls every page of new assignments, accepts one, reports progress and submits its report', async () => {
    const { client, dispatches } = await labWithAssignments(3);
    const polled = [];
    for await (const assignment of client.allAssignments({ status: 'dispatched', pageSize: 2 }))
      polled.push(assignment);
    expect(polled.map((a) => a.id).sort()).toEqual(dispatches.map((d) => d.id).sort());

    const [first] = dispatches;
    expect(await client.accept(first.id)).toMatchObject({ id: first.id, status: 'accepted' });
    expect(await client.reportProgress(first.id, { stage: 'testing', note: '纤维含量测试中' })).toMatchObject(
      {
        id: first.id,
      },
    );
    const report = await client.submitReport(
      first.id,
      gw.validReport(first.sampleCode) as unknown as ReportSubmission,
    );
    expect(report).toMatchObject({ verdict: 'fail', failingItems: ['蚕丝含量'] });
    expect(await client.getAssignment(first.id)).toMatchObject({ status: 'reported' });
  });

  it('retries a 503 and an answer lost on the way back with the same Idempotency-Key, applied once', async () => {
    const keys: string[] = [];
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') keys.push(request.headers.get('idempotency-key') as string);
      calls++;
      if (request.method === 'POST' && calls === 1)
        return new Response('{"statusCode":503}', { status: 503, headers: { 'retry-after': '0' } });
      const response = await fetch(request);
      if (request.method === 'POST' && keys.length === 2)
        throw new TypeError('fetch failed: connection reset');
      return response;
    };
    const { client, dispatches } = await labWithAssignments(1, flaky);
    const accepted = await client.accept(dispatches[0].id);
    expect(accepted).toMatchObject({ status: 'accepted' });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    const progress = await client.getAssignment(dispatches[0].id);
    expect(progress.status).toBe('accepted');
  });

  it('throws a LabApiError with the error body naming each field', async () => {
    const { client, dispatches } = await labWithAssignments(1);
    await client.accept(dispatches[0].id);
    const error = await client
      .submitReport(dispatches[0].id, {
        ...(gw.validReport(dispatches[0].sampleCode) as unknown as ReportSubmission),
        verdict: 'pass',
        failingItems: [],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabApiError);
    expect(error).toMatchObject({ status: 422 });
    expect((error as LabApiError).body?.errors?.map((e) => e.field)).toContain('verdict');
    expect((error as LabApiError).body?.requestId).toEqual(expect.any(String));
  });

  it('answers another lab as if the assignment did not exist', async () => {
    const mine = await labWithAssignments(1);
    const other = await labWithAssignments(0);
    const error = await other.client.getAssignment(mine.dispatches[0].id).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(await other.client.listAssignments()).toMatchObject({ items: [], total: 0 });
  });
});
