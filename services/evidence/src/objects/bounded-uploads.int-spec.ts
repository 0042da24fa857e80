import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'minio';
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
  partCount?: number;
  partsDeclared?: boolean;
  parts?: Array<{ partNumber: number; url: string; size: number; headers: Record<string, string> }>;
}

/** A part's SHA-256 as it is declared and as `x-amz-checksum-sha256` carries it. */
const base64Sha256 = (data: Buffer) => createHash('sha256').update(data).digest('base64');

const MIB = 1024 * 1024;

/** Object lock on, no default retention (minio-js types leave out its empty form). */
const NO_DEFAULT_RETENTION = {} as Parameters<Client['setObjectLockConfig']>[1];

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

  it('binds each declared part to its size and SHA-256: the store refuses a tampered part and an oversized one', async () => {
    const me = await officer('officer-declared');
    const data = randomBytes(6 * MIB + 123);
    const [one, two] = [data.subarray(0, 5 * MIB), data.subarray(5 * MIB)];
    const started = await post('/evidence/uploads', me, {
      kind: 'sample-photo',
      contentType: 'image/jpeg',
      size: data.length,
      sha256: sha256Hex(data),
      parts: [{ partNumber: 1, size: one.length, sha256: base64Sha256(one) }],
    });
    expect(started.status).toBe(201);
    const ticket = (await started.json()) as Ticket;
    expect(ticket).toMatchObject({
      method: 'multipart',
      partSize: 5 * MIB,
      partCount: 2,
      partsDeclared: true,
    });
    // URLs for the declared part only: part 2 has none until it is declared.
    expect(ticket.parts?.map((p) => p.partNumber)).toEqual([1]);
    const [first] = ticket.parts ?? [];
    expect(first.headers).toEqual({ 'x-amz-checksum-sha256': base64Sha256(one) });
    const put = (url: string, headers: Record<string, string> | undefined, body: Buffer) =>
      fetch(url, { method: 'PUT', headers, body: Uint8Array.from(body) });

    const tampered = Buffer.from(one);
    tampered[4321] ^= 0x01;
    const wrongBytes = await put(first.url, first.headers, tampered);
    expect(wrongBytes.status).toBe(400);
    expect(await wrongBytes.text()).toContain('XAmzContentChecksumMismatch');
    expect((await put(first.url, first.headers, Buffer.concat([one, Buffer.from('x')]))).status).toBe(403);
    expect((await put(first.url, {}, one)).status).not.toBe(200);
    const key = await keyOf(ticket.objectId);
    const [uploadId] = await env.adminQuery('select upload_id from evidence_object where id = $1', [
      ticket.objectId,
    ]);
    // Nothing of the refused PUTs reached the staging bucket.
    const listParts = (
      env.minio as unknown as {
        listParts(b: string, k: string, u: string): Promise<Array<{ part: number }>>;
      }
    ).listParts.bind(env.minio);
    expect(await listParts(staging, key, uploadId['upload_id'] as string)).toEqual([]);
    const sentOne = await put(first.url, first.headers, one);
    expect(sentOne.status).toBe(200);

    // A resumable client declares the next part when it has read it.
    const declare = (parts: unknown[], as = me) =>
      post(`/evidence/uploads/${ticket.objectId}/parts`, as, { parts });
    const more = await declare([{ partNumber: 2, size: two.length, sha256: base64Sha256(two) }]);
    expect(more.status).toBe(200);
    const [second] = ((await more.json()) as Ticket).parts ?? [];
    expect(second).toMatchObject({
      partNumber: 2,
      size: two.length,
      headers: { 'x-amz-checksum-sha256': base64Sha256(two) },
    });
    const tamperedTwo = Buffer.from(two);
    tamperedTwo[0] ^= 0x80;
    expect((await put(second.url, second.headers, tamperedTwo)).status).toBe(400);
    const sentTwo = await put(second.url, second.headers, two);
    expect(sentTwo.status).toBe(200);

    // A declared part's SHA-256 does not change; the same declaration again is a fresh URL.
    const changed = await declare([{ partNumber: 1, size: one.length, sha256: base64Sha256(tampered) }]);
    expect(changed.status).toBe(422);
    expect(await changed.json()).toMatchObject({ errors: [{ field: 'parts[0].sha256' }] });
    expect((await declare([{ partNumber: 1, size: one.length, sha256: base64Sha256(one) }])).status).toBe(
      200,
    );
    // Renewal hands out the declared parts' URLs only, signed for their SHA-256.
    const renewed = (await (await post(`/evidence/uploads/${ticket.objectId}/renewal`, me)).json()) as Ticket;
    expect(renewed.parts?.map((p) => [p.partNumber, p.headers['x-amz-checksum-sha256']])).toEqual([
      [1, base64Sha256(one)],
      [2, base64Sha256(two)],
    ]);

    const done = await post(`/evidence/uploads/${ticket.objectId}/finalize`, me, {
      parts: [
        { partNumber: 1, etag: sentOne.headers.get('etag') },
        { partNumber: 2, etag: sentTwo.headers.get('etag') },
      ],
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'stored', sha256: sha256Hex(data), size: data.length });
    expect((await declare([{ partNumber: 1, size: one.length, sha256: base64Sha256(one) }])).status).toBe(
      409,
    );
  });

  it('refuses part declarations that do not fit the file, naming the field, and anyone but the uploader', async () => {
    const me = await officer('officer-declare-bad');
    const size = 7 * MIB;
    const started = await post('/evidence/uploads', me, {
      kind: 'sample-photo',
      contentType: 'image/jpeg',
      size,
      sha256: sha256Hex(Buffer.from('seven')),
      parts: [],
    });
    expect(started.status).toBe(201);
    const ticket = (await started.json()) as Ticket;
    expect(ticket).toMatchObject({ partCount: 2, partsDeclared: true, parts: [] });
    const sha = base64Sha256(Buffer.from('part'));
    const declare = (parts: unknown[], as = me) =>
      post(`/evidence/uploads/${ticket.objectId}/parts`, as, { parts });
    const cases: Array<[unknown[], number, string]> = [
      [[{ partNumber: 3, size: MIB, sha256: sha }], 422, 'parts[0].partNumber'],
      [
        [
          { partNumber: 1, size: 5 * MIB, sha256: sha },
          { partNumber: 2, size: 5 * MIB, sha256: sha },
        ],
        422,
        'parts[1].size',
      ],
      [
        [
          { partNumber: 2, size: 2 * MIB, sha256: sha },
          { partNumber: 2, size: 2 * MIB, sha256: sha },
        ],
        422,
        'parts[1].partNumber',
      ],
    ];
    for (const [parts, status, field] of cases) {
      const res = await declare(parts);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { errors: Array<{ field: string }> }).errors[0].field).toBe(field);
    }
    const notBase64 = await declare([
      { partNumber: 1, size: 5 * MIB, sha256: sha256Hex(Buffer.from('hex')) },
    ]);
    expect(notBase64.status).toBe(400);
    expect(JSON.stringify(await notBase64.json())).toContain('sha256');
    expect(
      (await declare([{ partNumber: 1, size: 5 * MIB, sha256: sha }], await officer('officer-thief'))).status,
    ).toBe(404);
    // None of the refused declarations was kept.
    expect(await env.adminQuery('select 1 from upload_part where object_id = $1', [ticket.objectId])).toEqual(
      [],
    );
    // A file of one PUT has no parts to declare.
    const single = await post('/evidence/uploads', me, {
      kind: 'sample-photo',
      contentType: 'image/jpeg',
      size: 1000,
      sha256: sha256Hex(Buffer.from('small')),
      parts: [{ partNumber: 1, size: 1000, sha256: sha }],
    });
    expect(single.status).toBe(422);
    expect(await single.json()).toMatchObject({ errors: [{ field: 'parts' }] });
  });

  it('finalize needs every part declared, and the job rejects a part that does not hash to its declaration', async () => {
    const me = await officer('officer-undeclared');
    const data = randomBytes(6 * MIB);
    // The released flow: no declarations, every part's URL signed for its size only.
    const { body: ticket } = await announce(me, data.length, sha256Hex(data));
    expect(ticket).toMatchObject({ partsDeclared: false, partCount: 2 });
    const etags = [];
    for (const part of ticket.parts ?? []) {
      expect(part.headers).toEqual({});
      const body = data.subarray((part.partNumber - 1) * 5 * MIB, part.partNumber * 5 * MIB);
      const res = await fetch(part.url, { method: 'PUT', body: Uint8Array.from(body) });
      expect(res.status).toBe(200);
      etags.push({ partNumber: part.partNumber, etag: res.headers.get('etag') });
    }
    const declare = (parts: unknown[]) => post(`/evidence/uploads/${ticket.objectId}/parts`, me, { parts });
    const one = data.subarray(0, 5 * MIB);
    expect((await declare([{ partNumber: 1, size: one.length, sha256: base64Sha256(one) }])).status).toBe(
      200,
    );
    const early = await post(`/evidence/uploads/${ticket.objectId}/finalize`, me, { parts: etags });
    expect(early.status).toBe(422);
    expect(await early.json()).toMatchObject({
      errors: [{ field: 'parts', reasons: [expect.stringContaining('part 2 was never declared')] }],
    });
    // Part 2 declared as other bytes than the ones its unbound URL took.
    const other = base64Sha256(randomBytes(MIB));
    expect((await declare([{ partNumber: 2, size: MIB, sha256: other }])).status).toBe(200);
    const refused = await post(`/evidence/uploads/${ticket.objectId}/finalize`, me, { parts: etags });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: [
        {
          field: 'parts',
          reasons: [`part 2 hashes to ${base64Sha256(data.subarray(5 * MIB))}, declared ${other}`],
        },
      ],
    });
    const key = await keyOf(ticket.objectId);
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

  it('refuses at finalize a copy whose retention cannot be read, and the status says so', async () => {
    const me = await officer('officer-no-retention');
    const data = randomBytes(1200);
    // Object lock on, no default retention: the copy lands without any.
    await env.minio.setObjectLockConfig(env.bucket, NO_DEFAULT_RETENTION);
    try {
      const { status, body, objectId } = await uploadThroughApi(env, me, data, { kind: 'sample-photo' });
      expect(status).toBe(422);
      expect(body['errors']).toEqual([
        { field: 'retention', reasons: [expect.stringContaining('could not be read')] },
      ]);
      const key = await keyOf(objectId);
      expect(await versionsIn(env.bucket, key)).toEqual([]);
      const shown = (await (
        await fetch(`${env.service.url}/evidence/uploads/${objectId}/status`, { headers: me })
      ).json()) as Record<string, unknown>;
      expect(shown).toMatchObject({
        state: 'rejected',
        rejection: expect.stringContaining('could not be read'),
        errors: [{ field: 'retention' }],
      });
    } finally {
      await env.minio.setObjectLockConfig(env.bucket, { mode: 'GOVERNANCE', unit: 'Years', validity: 2 });
    }
  });
});

describe('EVIDENCE_UNDECLARED_PARTS=refuse', () => {
  let env: EvidenceTestEnv;
  beforeAll(async () => {
    env = await startEvidenceTestEnv({ EVIDENCE_UNDECLARED_PARTS: 'refuse' });
  });
  afterAll(() => env?.stop());

  it('refuses a multipart announcement that declares no parts, naming parts; declared ones go on', async () => {
    const me = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-declare-only' });
    const announce = (extra: Record<string, unknown>, size = 6 * MIB) =>
      fetch(`${env.service.url}/evidence/uploads`, {
        method: 'POST',
        headers: { ...me, 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'sample-photo',
          contentType: 'image/jpeg',
          size,
          sha256: sha256Hex(Buffer.from('six')),
          ...extra,
        }),
      });
    const undeclared = await announce({});
    expect(undeclared.status).toBe(422);
    expect(await undeclared.json()).toMatchObject({
      errors: [{ field: 'parts', reasons: [expect.stringContaining('EVIDENCE_UNDECLARED_PARTS')] }],
    });
    expect((await announce({ parts: [] })).status).toBe(201);
    // A file of one PUT has no parts: its URL is signed for its SHA-256 anyway.
    expect((await announce({}, 1000)).status).toBe(201);
    const data = randomBytes(6 * MIB);
    expect((await uploadThroughApi(env, me, data, { kind: 'sample-photo' })).status).toBe(200);
  });
});
