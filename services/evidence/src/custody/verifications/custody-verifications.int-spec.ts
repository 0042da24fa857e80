import { randomBytes, randomUUID } from 'node:crypto';
import { expectEventually } from '@qis/testing';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../../test-support/evidence-test-env';

interface Verification {
  id: string;
  status: string;
  batchNumber?: string;
  requestedBy: string;
  entriesChecked: number;
  objectsChecked: number;
  objectsTotal?: number;
  report?: { intact: boolean; objectsChecked: number; firstBreak?: { kind: string; reason: string } };
}

/** Custody verification as a background job: requested, polled, resumed after a crash; each test its own service. */
describe('background custody verification', () => {
  let env: EvidenceTestEnv;
  let auditor: Record<string, string>;
  let officer: Record<string, string>;
  const batchA = 'HZ2026-000031';
  const batchB = 'HZ2026-000032';

  beforeEach(async () => {
    env = await startEvidenceTestEnv();
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    for (const [i, batchNumber] of [batchA, batchA, batchA, batchB].entries()) {
      const { status } = await uploadThroughApi(env, officer, randomBytes(700 + i), {
        kind: 'sample-photo',
        batchNumber,
      });
      expect(status).toBe(200);
    }
  });
  afterEach(() => env?.stop());

  const start = async (body: object = {}) =>
    fetch(`${env.service.url}/custody/verifications`, {
      method: 'POST',
      headers: { ...auditor, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async (id: string, headers = auditor) =>
    fetch(`${env.service.url}/custody/verifications/${id}`, { headers });
  const finished = (id: string): Promise<Verification> =>
    expectEventually(async () => {
      const body = (await (await get(id)).json()) as Verification;
      expect(['done', 'failed']).toContain(body.status);
      return body;
    });

  it('answers at once with the queued job, then reports progress and the result; requester and result audited', async () => {
    const res = await start();
    expect(res.status).toBe(202);
    const job = (await res.json()) as Verification;
    expect(job).toMatchObject({
      status: 'queued',
      requestedBy: 'auditor-qian',
      entriesChecked: 0,
      objectsChecked: 0,
    });
    const done = await finished(job.id);
    expect(done).toMatchObject({
      status: 'done',
      entriesChecked: 4,
      objectsChecked: 4,
      objectsTotal: 4,
      report: { intact: true, objectsChecked: 4 },
    });
    const audit = await env.adminQuery(
      'select action, actor, outcome from audit_log where entity_id = $1 order by id',
      [job.id],
    );
    expect(audit).toEqual([
      { action: 'custody.verification.request', actor: 'auditor-qian', outcome: 'success' },
      { action: 'custody.verify', actor: 'auditor-qian', outcome: 'success' },
    ]);
  });

  it("re-hashes only one batch's objects when asked, and finds bytes put over a recorded version", async () => {
    const one = await finished(((await (await start({ batchNumber: batchB })).json()) as Verification).id);
    expect(one).toMatchObject({ batchNumber: batchB, objectsChecked: 1, report: { intact: true } });

    const [row] = await env.adminQuery(
      'select object_key from evidence_object where batch_number = $1 order by created_at limit 1',
      [batchA],
    );
    await env.minio.putObject(env.bucket, row['object_key'] as string, randomBytes(700));
    const broken = await finished(((await (await start()).json()) as Verification).id);
    expect(broken.report).toMatchObject({
      intact: false,
      firstBreak: { kind: 'object', reason: expect.stringContaining('hash to') },
    });
  });

  it('takes over a job whose worker died (no heartbeat for minutes) and finishes it', async () => {
    const id = randomUUID();
    await env.adminQuery(
      `insert into custody_verification (id, requested_by, requested_at, status, started_at, heartbeat_at)
       values ($1, 'auditor-qian', now() - interval '20 minutes', 'running', now() - interval '20 minutes',
               now() - interval '10 minutes')`,
      [id],
    );
    expect(await finished(id)).toMatchObject({ status: 'done', report: { intact: true, objectsChecked: 4 } });
  });

  it('refuses a malformed batch number (400 naming it), answers an unknown job 404 and other roles 403', async () => {
    const bad = await start({ batchNumber: 'not-a-batch' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('batchNumber');
    expect((await get(randomUUID())).status).toBe(404);
    const job = (await (await start()).json()) as Verification;
    const res = await get(job.id, officer);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('auditor-qian');
  });
});
