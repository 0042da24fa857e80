import { randomBytes } from 'node:crypto';
import {
  sha256Hex,
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

describe('evidence objects (upload API on real MinIO and PostgreSQL)', () => {
  let env: EvidenceTestEnv;
  let officer: Record<string, string>;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    admin = await env.service.auth({ roles: ['admin'], sub: 'ops-zhao' });
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
  });
  afterAll(() => env?.stop());

  const auditActions = async (entityId: string) => {
    const res = await fetch(`${env.service.url}/audit?entityType=evidence-object&entityId=${entityId}`, {
      headers: auditor,
    });
    const page = (await res.json()) as { items: Array<{ action: string; outcome: string }> };
    return page.items.map((i) => `${i.action}:${i.outcome}`);
  };

  it('stores a single-PUT upload with the SHA-256 the service computed, version id and retention of at least two years', async () => {
    const data = randomBytes(200_000);
    const { status, body } = await uploadThroughApi(env, officer, data, {
      kind: 'waybill-photo',
      batchNumber: 'HZ2026-000001',
      contentType: 'image/jpeg',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'stored',
      sha256: sha256Hex(data),
      size: data.length,
      kind: 'waybill-photo',
      uploader: expect.stringMatching(/^U-[0-9A-F]{16}$/),
    });
    expect(typeof body['versionId']).toBe('string');
    const twoYears = Date.now() + (2 * 365 - 1) * 24 * 3600 * 1000;
    expect(Date.parse(body['retainUntil'] as string)).toBeGreaterThan(twoYears);
  });

  it('assembles a multipart upload from presigned part URLs and hashes the whole object', async () => {
    const data = randomBytes(12 * 1024 * 1024 + 12_345); // 3 parts of 5 MiB in this test
    const { status, body } = await uploadThroughApi(env, officer, data, {
      kind: 'unboxing-video',
      batchNumber: 'HZ2026-000002',
      contentType: 'video/mp4',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'stored', sha256: sha256Hex(data), size: data.length });
  });

  it('renews the URLs of a pending multipart upload for its uploader only: parts already sent are kept, the rest go to the new URLs', async () => {
    const data = randomBytes(11 * 1024 * 1024); // 3 parts of 5 MiB in this test
    const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
      fetch(`${env.service.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    type Ticket = {
      objectId: string;
      method: string;
      partSize: number;
      parts: Array<{ partNumber: number; url: string }>;
    };
    const first = (await (
      await post('/evidence/uploads', officer, {
        kind: 'unboxing-video',
        batchNumber: 'HZ2026-000004',
        contentType: 'video/mp4',
        size: data.length,
        sha256: sha256Hex(data),
      })
    ).json()) as Ticket;
    const part = (n: number) => Uint8Array.from(data.subarray((n - 1) * first.partSize, n * first.partSize));
    const sent = await fetch(first.parts[0]!.url, { method: 'PUT', body: part(1) });
    const etags = new Map([[1, sent.headers.get('etag') as string]]);

    const other = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-li' });
    const foreign = await post(`/evidence/uploads/${first.objectId}/renewal`, other);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('unboxing-video');

    const renewed = await post(`/evidence/uploads/${first.objectId}/renewal`, officer);
    expect(renewed.status).toBe(200);
    const ticket = (await renewed.json()) as Ticket;
    expect(ticket).toMatchObject({ objectId: first.objectId, method: 'multipart', partSize: first.partSize });
    expect(ticket.parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    for (const p of ticket.parts.slice(1)) {
      const put = await fetch(p.url, { method: 'PUT', body: part(p.partNumber) });
      etags.set(p.partNumber, put.headers.get('etag') as string);
    }
    const finalize = await post(`/evidence/uploads/${first.objectId}/finalize`, officer, {
      parts: [...etags].map(([partNumber, etag]) => ({ partNumber, etag })),
    });
    expect(finalize.status).toBe(200);
    expect(await finalize.json()).toMatchObject({ status: 'stored', sha256: sha256Hex(data) });
    expect((await post(`/evidence/uploads/${first.objectId}/renewal`, officer)).status).toBe(409);
    expect(await auditActions(first.objectId)).toContain('evidence.upload.renew:success');
  });

  it('refuses a hash mismatch with 422 naming sha256, and keeps the object on record as rejected', async () => {
    // Above the part size: the parts carry no checksum, so the background job finds the mismatch.
    const data = randomBytes(6 * 1024 * 1024);
    const { status, body, objectId } = await uploadThroughApi(env, officer, data, {
      kind: 'sample-photo',
      declaredSha256: 'a'.repeat(64),
    });
    expect(status).toBe(422);
    expect(body['errors']).toEqual([
      { field: 'sha256', reasons: [expect.stringContaining(sha256Hex(data))] },
    ]);
    const meta = await (
      await fetch(`${env.service.url}/evidence/objects/${objectId}`, { headers: officer })
    ).json();
    expect(meta).toMatchObject({ status: 'rejected', rejection: expect.stringContaining('sha256') });
    expect(await auditActions(objectId)).toContain('evidence.upload.reject:failure');
  });

  it("lets an uploader (a lab) read its own upload's metadata, and answers 404 for another's", async () => {
    const lab = await env.service.auth({ roles: ['lab'], sub: 'lab-client-1', labId: 'lab-1' });
    const otherLab = await env.service.auth({ roles: ['lab'], sub: 'lab-client-2', labId: 'lab-2' });
    const { objectId } = await uploadThroughApi(env, lab, randomBytes(300), {
      kind: 'lab-report',
      batchNumber: 'HZ2026-000003',
      contentType: 'application/pdf',
    });
    const read = async (headers: Record<string, string>, id = objectId) =>
      fetch(`${env.service.url}/evidence/objects/${id}`, { headers });
    const own = await read(lab);
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({
      kind: 'lab-report',
      status: 'stored',
      batchNumber: 'HZ2026-000003',
    });
    expect((await read(otherLab)).status).toBe(404);
    const { objectId: officerUpload } = await uploadThroughApi(env, officer, randomBytes(300), {
      kind: 'seal-photo',
    });
    expect((await read(lab, officerUpload)).status).toBe(404);
    expect((await read(officer)).status).toBe(200);
  });

  it('refuses a PUT of another size than declared: the URL is signed for the exact length', async () => {
    const start = await fetch(`${env.service.url}/evidence/uploads`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'sample-photo',
        contentType: 'image/png',
        size: 10,
        sha256: sha256Hex(Buffer.alloc(10)),
      }),
    });
    const ticket = (await start.json()) as { objectId: string; url: string; headers: Record<string, string> };
    const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.alloc(11) });
    expect(put.status).toBe(403);
    const res = await fetch(`${env.service.url}/evidence/uploads/${ticket.objectId}/finalize`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field)).toEqual(['objectId']);
  });

  it('names each bad field of an upload request with 400', async () => {
    const res = await fetch(`${env.service.url}/evidence/uploads`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'selfie', contentType: 'nope', size: 0, sha256: 'xyz' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field).sort()).toEqual(['contentType', 'kind', 'sha256', 'size']);
  });

  it('refuses to finalize twice: evidence is never overwritten, and the attempt is audited', async () => {
    const data = randomBytes(500);
    const { objectId } = await uploadThroughApi(env, officer, data, { kind: 'seal-photo' });
    const again = await fetch(`${env.service.url}/evidence/uploads/${objectId}/finalize`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(again.status).toBe(409);
    expect(await auditActions(objectId)).toContain('evidence.upload.overwrite-refused:failure');
  });

  it('cannot delete a retained object: the API answers 409 and audits it, and the store itself refuses', async () => {
    const data = randomBytes(500);
    const { objectId, body } = await uploadThroughApi(env, officer, data, { kind: 'seal-photo' });
    const res = await fetch(`${env.service.url}/evidence/objects/${objectId}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/retained until/);
    expect(await auditActions(objectId)).toContain('evidence.delete:failure');

    const [row] = await env.adminQuery('select object_key from evidence_object where id = $1', [objectId]);
    await expect(
      env.minio.removeObject(env.bucket, row['object_key'] as string, {
        versionId: body['versionId'] as string,
      }),
    ).rejects.toThrow(/WORM|retention|locked/i);
    const stat = await env.minio.statObject(env.bucket, row['object_key'] as string, {
      versionId: body['versionId'] as string,
    });
    expect(stat.size).toBe(500);
  });

  it('deletes an object whose retention has ended: 200, marked deleted, audited as a success and in the ledger as a deletion', async () => {
    const data = randomBytes(400);
    const { objectId, body } = await uploadThroughApi(env, officer, data, { kind: 'sample-photo' });
    const [row] = await env.adminQuery('select object_key from evidence_object where id = $1', [objectId]);
    const key = row['object_key'] as string;
    const versionId = body['versionId'] as string;
    // Two years pass: the test bucket's GOVERNANCE retention is lifted with the bypass.
    await env.minio.putObjectRetention(env.bucket, key, { governanceBypass: true, versionId });

    const res = await fetch(`${env.service.url}/evidence/objects/${objectId}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: objectId,
      status: 'deleted',
      deletedAt: expect.any(String),
    });
    await expect(env.minio.statObject(env.bucket, key, { versionId })).rejects.toThrow();
    expect(await auditActions(objectId)).toContain('evidence.delete:success');
    expect(await auditActions(objectId)).not.toContain('evidence.delete:failure');
    const ledger = await env.adminQuery(
      "select action, object_version_id from custody_entry where subject_id = $1 and action like 'delete%'",
      [objectId],
    );
    expect(ledger).toEqual([{ action: 'delete', object_version_id: versionId }]);

    const meta = await fetch(`${env.service.url}/evidence/objects/${objectId}`, { headers: officer });
    expect(await meta.json()).toMatchObject({ status: 'deleted' });
    const download = await fetch(`${env.service.url}/evidence/objects/${objectId}/download`, {
      method: 'POST',
      headers: officer,
    });
    expect(download.status).toBe(409);
    const again = await fetch(`${env.service.url}/evidence/objects/${objectId}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(again.status).toBe(409);
    // The ledger's account of a lawful deletion is not a break.
    const verify = await fetch(`${env.service.url}/custody/verify`, { headers: auditor });
    expect(await verify.json()).toMatchObject({ intact: true });
  });

  it('hands out a short-lived download of the pinned version and audits each one', async () => {
    const data = randomBytes(2048);
    const { objectId } = await uploadThroughApi(env, officer, data, { kind: 'sample-photo' });
    const res = await fetch(`${env.service.url}/evidence/objects/${objectId}/download`, {
      method: 'POST',
      headers: officer,
    });
    expect(res.status).toBe(200);
    const ticket = (await res.json()) as { url: string; sha256: string };
    const bytes = Buffer.from(await (await fetch(ticket.url)).arrayBuffer());
    expect(sha256Hex(bytes)).toBe(sha256Hex(data));
    expect(await auditActions(objectId)).toContain('evidence.download:success');
  });

  it('extends retention but never shortens it', async () => {
    const { objectId } = await uploadThroughApi(env, officer, randomBytes(100), { kind: 'seal-photo' });
    const later = new Date(Date.now() + 3 * 365 * 24 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    const extend = await fetch(`${env.service.url}/evidence/objects/${objectId}/retention`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ retainUntil: later }),
    });
    expect(extend.status).toBe(200);
    const shorten = await fetch(`${env.service.url}/evidence/objects/${objectId}/retention`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ retainUntil: '2027-01-01T00:00:00Z' }),
    });
    expect(shorten.status).toBe(422);
  });
});
