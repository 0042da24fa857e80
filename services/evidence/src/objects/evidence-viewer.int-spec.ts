import { randomBytes } from 'node:crypto';
import {
  sha256Hex,
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

const BATCH = 'HZ2026-000731';
const OTHER_BATCH = 'HZ2026-000732';
const PSEUDONYM = /^U-[0-9A-F]{16}$/;

/**
 * What the console's evidence viewer calls: an inline view URL that streams with range requests,
 * an object's custody trail, and custody verification of one batch (real MinIO and PostgreSQL).
 */
describe('the evidence viewer: view URLs, custody trails, verifying a batch', () => {
  let env: EvidenceTestEnv;
  let buyer: Record<string, string>;
  let intake: Record<string, string>;
  let cityOfficer: Record<string, string>;
  let otherDistrict: Record<string, string>;
  let purchasingAdmin: Record<string, string>;
  let auditor: Record<string, string>;
  let video: string;
  let recording: string;
  const videoBytes = randomBytes(200_000);

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    buyer = await env.service.auth({ roles: ['buyer'], sub: 'buyer-login-viewer' });
    intake = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    // The bureau samples for the city (330100): a city officer reads its batches, a district officer not.
    cityOfficer = await env.service.auth({
      roles: ['enforcement-officer'],
      sub: 'officer-hangzhou',
      jurisdiction: '330100',
    });
    otherDistrict = await env.service.auth({
      roles: ['enforcement-officer'],
      sub: 'officer-binjiang',
      jurisdiction: '330108',
    });
    purchasingAdmin = await env.service.auth({ roles: ['purchasing-admin'], sub: 'padmin-sun' });
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
    ({ objectId: video } = await uploadThroughApi(env, intake, videoBytes, {
      kind: 'unboxing-video',
      batchNumber: BATCH,
      contentType: 'video/mp4',
    }));
    ({ objectId: recording } = await uploadThroughApi(env, buyer, randomBytes(3000), {
      kind: 'purchase-screen-recording',
      batchNumber: BATCH,
      contentType: 'video/mp4',
    }));
    await uploadThroughApi(env, intake, randomBytes(1000), {
      kind: 'sample-photo',
      batchNumber: OTHER_BATCH,
      contentType: 'image/jpeg',
    });
  });
  afterAll(() => env?.stop());

  const url = (path: string) => `${env.service.url}${path}`;
  const view = (headers: Record<string, string>, id: string, body: Record<string, unknown> = {}) =>
    fetch(url(`/evidence/objects/${id}/view`), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const trail = (headers: Record<string, string>, id: string, purpose?: string) =>
    fetch(url(`/evidence/objects/${id}/custody${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}`), {
      headers,
    });

  it('gives an allowed reader an inline URL of the stored version that answers range requests (206)', async () => {
    const res = await view(cityOfficer, video);
    expect(res.status).toBe(200);
    const ticket = (await res.json()) as { url: string; sha256: string; contentType: string };
    expect(ticket).toMatchObject({ sha256: sha256Hex(videoBytes), contentType: 'video/mp4' });
    const whole = await fetch(ticket.url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(whole.headers.get('content-disposition')).toBe('inline');
    expect(sha256Hex(Buffer.from(await whole.arrayBuffer()))).toBe(ticket.sha256);
    const part = await fetch(ticket.url, { headers: { range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(videoBytes.subarray(1000, 2000));
  });

  it('answers an officer of another district, for the view and the trail, with 404 and no data', async () => {
    for (const res of [await view(otherDistrict, video), await trail(otherDistrict, video)]) {
      expect(res.status).toBe(404);
      const body = JSON.stringify(await res.json());
      expect(body).not.toContain('unboxing-video');
      expect(body).not.toContain('url');
      expect(body).not.toContain(sha256Hex(videoBytes));
    }
    const refused = await env.adminQuery(
      "select outcome from audit_log where entity_id = $1 and action = 'evidence.view' and actor = 'officer-binjiang'",
      [video],
    );
    expect(refused).toEqual([{ outcome: 'failure' }]);
  });

  it('asks a purpose of a kind that shows the buyer (400 naming purpose), and records the view with it', async () => {
    const missing = await view(purchasingAdmin, recording);
    expect(missing.status).toBe(400);
    expect(
      ((await missing.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field),
    ).toEqual(['purpose']);
    expect((await trail(purchasingAdmin, recording)).status).toBe(400);
    const purpose = '核对买样录屏: 投诉 2026-118';
    expect((await view(purchasingAdmin, recording, { purpose })).status).toBe(200);
    const ledger = await env.adminQuery(
      "select actor, detail from custody_entry where subject_id = $1 and action = 'view'",
      [recording],
    );
    expect(ledger).toEqual([{ actor: 'padmin-sun', detail: expect.objectContaining({ purpose }) }]);
    // Not the intake officer's, not the auditor's: 404 like an unknown id.
    expect((await view(intake, recording, { purpose })).status).toBe(404);
    expect((await view(auditor, recording, { purpose })).status).toBe(404);
  });

  it("lists an object's custody trail oldest first, the buyer by pseudonym, staff by name, with purposes", async () => {
    const purpose = '核对买样录屏: 投诉 2026-118';
    const res = await trail(purchasingAdmin, recording, purpose);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      objectId: string;
      batchNumber: string;
      entries: Array<{ action: string; actor: string; purpose: string | null; seq: string }>;
    };
    expect(body.objectId).toBe(recording);
    expect(body.batchNumber).toBe(BATCH);
    expect(body.entries.map((e) => e.action)).toEqual(['upload', 'view']);
    expect(body.entries[0]!.actor).toMatch(PSEUDONYM);
    expect(body.entries[1]).toMatchObject({ actor: 'padmin-sun', purpose });
    expect(JSON.stringify(body)).not.toContain('buyer-login-viewer');
    const audited = await env.adminQuery(
      "select detail from audit_log where entity_id = $1 and action = 'evidence.custody.read' and outcome = 'success'",
      [recording],
    );
    expect(audited).toEqual([{ detail: expect.objectContaining({ purpose }) }]);
  });

  it("verifies custody of one batch: the whole chain, only that batch's objects re-hashed", async () => {
    const res = await fetch(url(`/custody/verify?batchNumber=${BATCH}`), { headers: auditor });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ batchNumber: BATCH, intact: true, objectsChecked: 2 });
    const all = await fetch(url('/custody/verify'), { headers: auditor });
    expect(await all.json()).toMatchObject({ intact: true, objectsChecked: 3 });
    const bad = await fetch(url('/custody/verify?batchNumber=nope'), { headers: auditor });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toEqual([
      'batchNumber',
    ]);
  });
});
