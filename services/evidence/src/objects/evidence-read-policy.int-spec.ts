import { randomBytes } from 'node:crypto';
import { CaseRouted, type CaseRoutedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { expectEventually } from '@qis/testing';
import { DataSource } from 'typeorm';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

const BATCH = 'HZ2026-000401';
const PSEUDONYM = /^U-[0-9A-F]{16}$/;

describe('evidence is read by purpose, per kind (real MinIO and PostgreSQL)', () => {
  let env: EvidenceTestEnv;
  let buyer: Record<string, string>;
  let intake: Record<string, string>;
  let enforcement: Record<string, string>;
  let auditor: Record<string, string>;
  let purchasingAdmin: Record<string, string>;
  let admin: Record<string, string>;
  let recording: string;
  let unboxing: string;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    buyer = await env.service.auth({ roles: ['buyer'], sub: 'buyer-login-zhou' });
    intake = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    enforcement = await env.service.auth({
      roles: ['enforcement-officer'],
      sub: 'officer-binjiang',
      jurisdiction: '330108',
    });
    auditor = await env.service.auth({ roles: ['auditor'], sub: 'auditor-qian' });
    purchasingAdmin = await env.service.auth({ roles: ['purchasing-admin'], sub: 'padmin-sun' });
    admin = await env.service.auth({ roles: ['admin'], sub: 'ops-zhao' });
    ({ objectId: recording } = await uploadThroughApi(env, buyer, randomBytes(3000), {
      kind: 'purchase-screen-recording',
      batchNumber: BATCH,
      contentType: 'video/mp4',
    }));
    ({ objectId: unboxing } = await uploadThroughApi(env, intake, randomBytes(3000), {
      kind: 'unboxing-video',
      batchNumber: BATCH,
      contentType: 'video/mp4',
    }));
  });
  afterAll(() => env?.stop());

  const url = (path: string) => `${env.service.url}${path}`;
  const metadata = (headers: Record<string, string>, id: string, purpose?: string) =>
    fetch(url(`/evidence/objects/${id}${purpose ? `?purpose=${encodeURIComponent(purpose)}` : ''}`), {
      headers,
    });
  const download = (headers: Record<string, string>, id: string, body: Record<string, unknown> = {}) =>
    fetch(url(`/evidence/objects/${id}/download`), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ledger = (id: string) =>
    env.adminQuery(
      'select action, actor, detail from custody_entry where subject_id = $1 and action <> $2 order by seq',
      [id, 'upload'],
    );
  const audit = (id: string) =>
    env.adminQuery('select action, actor, outcome, detail from audit_log where entity_id = $1 order by id', [
      id,
    ]);

  it("answers an enforcement officer's download of a buyer's screen recording with 404 and no data, as for an unknown id", async () => {
    const res = await download(enforcement, recording, { purpose: '查处案件需要' });
    expect(res.status).toBe(404);
    const body = JSON.stringify(await res.json());
    expect(body).not.toContain('purchase-screen-recording');
    expect(body).not.toContain('url');
    const unknown = await download(enforcement, '0b6f7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d');
    expect(unknown.status).toBe(404);
    expect((await metadata(enforcement, recording)).status).toBe(404);
    for (const staff of [intake, auditor]) {
      expect((await metadata(staff, recording)).status).toBe(404);
      expect((await download(staff, recording)).status).toBe(404);
    }
    expect(await audit(recording)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'evidence.download',
          actor: 'officer-binjiang',
          outcome: 'failure',
        }),
      ]),
    );
  });

  it('refuses a purchasing-admin without a purpose with 400 naming purpose', async () => {
    for (const res of [
      await metadata(purchasingAdmin, recording),
      await download(purchasingAdmin, recording),
    ]) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { errors: Array<{ field: string }> };
      expect(body.errors.map((e) => e.field)).toEqual(['purpose']);
    }
  });

  it('lets a purchasing-admin with a purpose download it: 200, audited and in the custody ledger with the purpose', async () => {
    const purpose = '核对买样录屏: 投诉 2026-118';
    const res = await download(purchasingAdmin, recording, { purpose });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ url: expect.any(String), sha256: expect.any(String) });
    const meta = await metadata(purchasingAdmin, recording, purpose);
    expect(meta.status).toBe(200);
    expect(await meta.json()).toMatchObject({
      kind: 'purchase-screen-recording',
      uploader: expect.stringMatching(PSEUDONYM),
    });
    expect(await ledger(recording)).toEqual([
      { action: 'download', actor: 'padmin-sun', detail: expect.objectContaining({ purpose }) },
      { action: 'metadata-read', actor: 'padmin-sun', detail: expect.objectContaining({ purpose }) },
    ]);
    expect(await audit(recording)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'evidence.download',
          actor: 'padmin-sun',
          outcome: 'success',
          detail: expect.objectContaining({ purpose }),
        }),
        expect.objectContaining({
          action: 'evidence.metadata.read',
          actor: 'padmin-sun',
          outcome: 'success',
          detail: expect.objectContaining({ purpose }),
        }),
      ]),
    );
  });

  it('shows an auditor the uploader as a pseudonym, the same for the same buyer, and an admin the subject', async () => {
    const { objectId: listing } = await uploadThroughApi(env, buyer, randomBytes(500), {
      kind: 'listing-snapshot',
      batchNumber: BATCH,
      contentType: 'image/png',
    });
    const { objectId: other } = await uploadThroughApi(
      env,
      await env.service.auth({ roles: ['buyer'], sub: 'buyer-login-wu' }),
      randomBytes(500),
      { kind: 'listing-snapshot', batchNumber: 'HZ2026-000402', contentType: 'image/png' },
    );
    const read = async (headers: Record<string, string>, id: string) =>
      ((await (await metadata(headers, id)).json()) as { uploader: string }).uploader;
    const seen = await read(auditor, listing);
    expect(seen).toMatch(PSEUDONYM);
    expect(seen).not.toContain('zhou');
    expect(await read(intake, listing)).toBe(seen);
    expect(await read(auditor, other)).not.toBe(seen);
    expect(await read(admin, listing)).toBe('buyer-login-zhou');
    // every metadata read is in the ledger, whoever reads
    expect((await ledger(listing)).map((e) => `${e.action as string}:${e.actor as string}`)).toEqual([
      'metadata-read:auditor-qian',
      'metadata-read:officer-wang',
      'metadata-read:ops-zhao',
    ]);
  });

  it('lets staff read and download what does not show the buyer, each read in the ledger', async () => {
    const city = await env.service.auth({
      roles: ['enforcement-officer'],
      sub: 'officer-city',
      jurisdiction: '330100',
    });
    expect((await download(city, unboxing)).status).toBe(200);
    expect((await metadata(auditor, unboxing)).status).toBe(200);
    expect((await ledger(unboxing)).map((e) => e['action'])).toEqual(['download', 'metadata-read']);
  });

  it('lets a district officer read a batch only once it is routed or copied to their district, and never what shows the buyer', async () => {
    // Until routed the batch is the sampling bureau's (330100): a district officer gets 404.
    expect((await download(enforcement, unboxing)).status).toBe(404);
    expect((await metadata(enforcement, unboxing)).status).toBe(404);
    const routed: CaseRoutedValue = {
      batchNumber: BATCH,
      caseId: '6a5b4c3d-2e1f-4a0b-8c9d-8e7f6a5b4c3d',
      rule: 'seller-address',
      sellerName: '杭州丝之源家纺有限公司',
      routedAt: '2026-04-06T01:00:00.000Z',
      authority: { kind: 'district-bureau', areaCode: '330108', name: '杭州市滨江区市场监督管理局' },
      copiedTo: [],
    };
    const ds = env.service.app.get(DataSource);
    await ds.transaction((m) =>
      env.service.app.get(OutboxPublisher).publish(m, [{ contract: CaseRouted, key: BATCH, value: routed }]),
    );
    await expectEventually(async () => {
      expect((await metadata(enforcement, unboxing)).status).toBe(200);
    });
    expect((await download(enforcement, unboxing)).status).toBe(200);
    const other = await env.service.auth({
      roles: ['enforcement-officer'],
      sub: 'officer-xihu',
      jurisdiction: '330106',
    });
    expect((await download(other, unboxing)).status).toBe(404);
    expect((await download(enforcement, recording, { purpose: '查处案件需要' })).status).toBe(404);
  });

  it('lets a buyer read its own upload without a purpose, but not download it or read another buyer’s', async () => {
    expect((await metadata(buyer, recording)).status).toBe(200);
    expect((await download(buyer, recording)).status).toBe(403);
    const other = await env.service.auth({ roles: ['buyer'], sub: 'buyer-login-wu' });
    expect((await metadata(other, recording)).status).toBe(404);
  });
});

describe('each evidence kind is uploaded only by the roles that make it', () => {
  let env: EvidenceTestEnv;
  beforeAll(async () => {
    env = await startEvidenceTestEnv();
  });
  afterAll(() => env?.stop());

  const start = async (claims: { roles: string[]; sub: string; labId?: string }, kind: string) => {
    const res = await fetch(`${env.service.url}/evidence/uploads`, {
      method: 'POST',
      headers: { ...(await env.service.auth(claims)), 'content-type': 'application/json' },
      body: JSON.stringify({
        kind,
        batchNumber: 'HZ2026-000403',
        contentType: 'video/mp4',
        size: 10,
        sha256: 'a'.repeat(64),
      }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { errors?: Array<{ field: string; reasons: string[] }> },
    };
  };

  it('refuses a lab uploading an unboxing-video and a buyer uploading a lab report with 403 naming the kind', async () => {
    const lab = { roles: ['lab'], sub: 'lab-client-1', labId: 'lab-1' };
    const buyer = { roles: ['buyer'], sub: 'buyer-login-zhou' };
    for (const [claims, kind] of [
      [lab, 'unboxing-video'],
      [buyer, 'lab-report'],
      [buyer, 'waybill-photo'],
      [{ roles: ['enforcement-officer'], sub: 'service:enforcement' }, 'purchase-screen-recording'],
    ] as Array<[{ roles: string[]; sub: string; labId?: string }, string]>) {
      const { status, body } = await start(claims, kind);
      expect(status).toBe(403);
      expect(body.errors).toEqual([{ field: 'kind', reasons: [expect.stringContaining(kind)] }]);
    }
    expect((await start(lab, 'lab-report')).status).toBe(201);
    expect((await start(buyer, 'purchase-screen-recording')).status).toBe(201);
    expect((await start({ roles: ['intake-officer'], sub: 'officer-wang' }, 'unboxing-video')).status).toBe(
      201,
    );
  });
});
