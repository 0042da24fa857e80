import { randomBytes } from 'node:crypto';
import {
  sha256Hex,
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

interface Ticket {
  objectId: string;
  method: 'single' | 'multipart';
  url?: string;
  headers?: Record<string, string>;
  partSize?: number;
  parts?: Array<{ partNumber: number; url: string; size: number; headers: Record<string, string> }>;
}

const MIB = 1024 * 1024;

/**
 * Issue 22 item 5 on the real MinIO: uploads land in an unlocked staging bucket through URLs the
 * store holds to the declared size and SHA-256; finalize is a background job that copies verified
 * bytes into the locked bucket; per-uploader quotas bound what may be announced.
 */
describe('bounded uploads (staging bucket, signed size and checksum, finalize job, quotas)', () => {
  let env: EvidenceTestEnv;
  let staging: string;

  beforeAll(async () => {
    env = await startEvidenceTestEnv({ EVIDENCE_QUOTA_IN_FLIGHT_MB: '8', EVIDENCE_QUOTA_DAILY_MB: '12' });
    staging = `${env.bucket}-staging`;
  });
  afterAll(() => env?.stop());

  const officer = (sub: string) => env.service.auth({ roles: ['intake-officer'], sub });
  const post = (path: string, headers: Record<string, string>, body: unknown = {}, extra = {}) =>
    fetch(`${env.service.url}${path}`, {
      method: 'POST',
      headers: { ...headers, ...extra, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const announce = async (headers: Record<string, string>, size: number, sha256: string) => {
    const res = await post('/evidence/uploads', headers, {
      kind: 'sample-photo',
      contentType: 'image/jpeg',
      size,
      sha256,
    });
    return { status: res.status, body: (await res.json()) as Ticket & Record<string, unknown> };
  };
  const versionsIn = async (bucket: string, key: string) => {
    const found: string[] = [];
    for await (const item of env.minio.listObjects(bucket, key, true, { IncludeVersion: true }))
      if ((item as { name?: string }).name === key)
        found.push(String((item as { versionId?: string }).versionId));
    return found;
  };
  const keyOf = async (objectId: string) => {
    const [row] = await env.adminQuery('select object_key from evidence_object where id = $1', [objectId]);
    return row['object_key'] as string;
  };

  it('the store refuses a PUT whose bytes do not hash to the declared SHA-256, or of another size', async () => {
    const me = await officer('officer-checksum');
    const data = randomBytes(4000);
    const { body: ticket } = await announce(me, data.length, sha256Hex(data));
    expect(ticket.method).toBe('single');
    expect(ticket.headers).toEqual({
      'x-amz-checksum-sha256': Buffer.from(sha256Hex(data), 'hex').toString('base64'),
    });
    const tampered = Buffer.from(data);
    tampered[0] ^= 0xff;
    const wrongBytes = await fetch(ticket.url as string, {
      method: 'PUT',
      headers: ticket.headers,
      body: tampered,
    });
    expect(wrongBytes.status).toBe(400);
    expect(await wrongBytes.text()).toContain('XAmzContentChecksumMismatch');
    const longer = await fetch(ticket.url as string, {
      method: 'PUT',
      headers: ticket.headers,
      body: Buffer.concat([data, Buffer.from('x')]),
    });
    expect(longer.status).toBe(403);
    // Without the checksum header the signature does not hold either.
    expect((await fetch(ticket.url as string, { method: 'PUT', body: data })).status).not.toBe(200);
    // Nothing reached the store; the right bytes still go in.
    const right = await fetch(ticket.url as string, { method: 'PUT', headers: ticket.headers, body: data });
    expect(right.status).toBe(200);
  });

  it('a presigned URL no longer works after finalize, and the staged copy is gone', async () => {
    const me = await officer('officer-replay');
    const data = randomBytes(2000);
    const { body: ticket } = await announce(me, data.length, sha256Hex(data));
    expect(
      (await fetch(ticket.url as string, { method: 'PUT', headers: ticket.headers, body: data })).status,
    ).toBe(200);
    const done = await post(`/evidence/uploads/${ticket.objectId}/finalize`, me);
    expect(done.status).toBe(200);
    const stored = (await done.json()) as { status: string; versionId: string };
    expect(stored.status).toBe('stored');
    const replay = await fetch(ticket.url as string, { method: 'PUT', headers: ticket.headers, body: data });
    expect(replay.status).toBe(404);
    expect(await replay.text()).toContain('NoSuchUpload');
    const key = await keyOf(ticket.objectId);
    expect(await versionsIn(staging, key)).toEqual([]);
    expect(await versionsIn(env.bucket, key)).toEqual([stored.versionId]);
    expect((await post(`/evidence/uploads/${ticket.objectId}/renewal`, me)).status).toBe(409);
  });

  it('a mismatched hash never reaches the locked bucket: rejected, staged bytes removed', async () => {
    const me = await officer('officer-mismatch');
    const data = randomBytes(6 * MIB);
    const { status, body, objectId } = await uploadThroughApi(env, me, data, {
      kind: 'sample-photo',
      declaredSha256: sha256Hex(Buffer.from('something else')),
    });
    expect(status).toBe(422);
    expect(body['errors']).toEqual([
      { field: 'sha256', reasons: [expect.stringContaining(sha256Hex(data))] },
    ]);
    const key = await keyOf(objectId);
    expect(await versionsIn(env.bucket, key)).toEqual([]);
    expect(await versionsIn(staging, key)).toEqual([]);
  });

  it('binds each part to its size: a part of another length is refused by the store', async () => {
    const me = await officer('officer-parts');
    const data = randomBytes(6 * MIB);
    const { body: ticket } = await announce(me, data.length, sha256Hex(data));
    expect(ticket.method).toBe('multipart');
    const [first, second] = ticket.parts ?? [];
    expect([first.size, second.size]).toEqual([5 * MIB, MIB]);
    const short = await fetch(first.url, { method: 'PUT', body: data.subarray(0, MIB) });
    expect(short.status).toBe(403);
    const early = await post(`/evidence/uploads/${ticket.objectId}/finalize`, me);
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({ errors: [{ field: 'objectId' }] });
  });

  it('answers 202 with a status to poll under Prefer: respond-async, only to the uploader', async () => {
    const me = await officer('officer-async');
    const data = randomBytes(3000);
    const { body: ticket } = await announce(me, data.length, sha256Hex(data));
    await fetch(ticket.url as string, { method: 'PUT', headers: ticket.headers, body: data });
    const queued = await post(
      `/evidence/uploads/${ticket.objectId}/finalize`,
      me,
      {},
      { prefer: 'respond-async' },
    );
    expect(queued.status).toBe(202);
    expect(queued.headers.get('location')).toBe(`${ticket.objectId}/status`);
    expect(await queued.json()).toMatchObject({ objectId: ticket.objectId, state: 'verifying' });
    const statusOf = async (headers: Record<string, string>) =>
      fetch(`${env.service.url}/evidence/uploads/${ticket.objectId}/status`, { headers });
    let state = 'verifying';
    for (let i = 0; i < 100 && state === 'verifying'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = ((await (await statusOf(me)).json()) as { state: string }).state;
    }
    const final = (await (await statusOf(me)).json()) as Record<string, unknown>;
    expect(final).toMatchObject({ state: 'stored', object: { status: 'stored', sha256: sha256Hex(data) } });
    expect((await statusOf(await officer('officer-other'))).status).toBe(404);
    // A second finalize once stored is still 409.
    expect((await post(`/evidence/uploads/${ticket.objectId}/finalize`, me)).status).toBe(409);
  });

  it('refuses uploads over the quotas with 429 naming the limit', async () => {
    const me = await officer('officer-quota');
    // Finalized bytes leave the in-flight sum but still count for the day.
    expect((await uploadThroughApi(env, me, randomBytes(5 * MIB), { kind: 'sample-photo' })).status).toBe(
      200,
    );
    const six = await announce(me, 6 * MIB, sha256Hex(Buffer.from('six')));
    expect(six.status).toBe(201);
    const inFlight = await announce(me, 3 * MIB, sha256Hex(Buffer.from('three')));
    expect(inFlight.status).toBe(429);
    expect(inFlight.body).toMatchObject({
      errors: [{ field: 'size', reasons: [expect.stringContaining('EVIDENCE_QUOTA_IN_FLIGHT_MB')] }],
      quota: { name: 'EVIDENCE_QUOTA_IN_FLIGHT_MB', limitBytes: 8 * MIB, usedBytes: 6 * MIB },
    });
    const daily = await announce(me, 1.5 * MIB, sha256Hex(Buffer.from('more')));
    expect(daily.status).toBe(429);
    expect(daily.body).toMatchObject({
      quota: { name: 'EVIDENCE_QUOTA_DAILY_MB', limitBytes: 12 * MIB, usedBytes: 11 * MIB },
    });
    // Another uploader has quotas of its own.
    expect(
      (await announce(await officer('officer-fresh'), 2 * MIB, sha256Hex(Buffer.from('two')))).status,
    ).toBe(201);
  });

  it('refuses at finalize a copy whose retention is not the locked mode for two years, and removes it', async () => {
    const me = await officer('officer-retention');
    const data = randomBytes(1500);
    await env.minio.setObjectLockConfig(env.bucket, { mode: 'GOVERNANCE', unit: 'Days', validity: 1 });
    try {
      const { status, body, objectId } = await uploadThroughApi(env, me, data, { kind: 'sample-photo' });
      expect(status).toBe(422);
      expect(body['errors']).toEqual([
        { field: 'retention', reasons: [expect.stringMatching(/needs 2 years/)] },
      ]);
      const key = await keyOf(objectId);
      expect(await versionsIn(env.bucket, key)).toEqual([]);
      const status2 = (await (
        await fetch(`${env.service.url}/evidence/uploads/${objectId}/status`, { headers: me })
      ).json()) as Record<string, unknown>;
      expect(status2).toMatchObject({ state: 'rejected', rejection: expect.stringContaining('retention') });
    } finally {
      await env.minio.setObjectLockConfig(env.bucket, { mode: 'GOVERNANCE', unit: 'Years', validity: 2 });
    }
  });
});
