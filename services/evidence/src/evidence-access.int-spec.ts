import { randomBytes, randomUUID } from 'node:crypto';
import { OrderPlaced, type OrderPlacedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { describeAccessMatrix, expectEventually } from '@qis/testing';
import { DataSource } from 'typeorm';
import { evidenceAccess } from './evidence-access.fixture';
import { evidenceService } from './evidence.definition';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from './test-support/evidence-test-env';

describeAccessMatrix(evidenceService, evidenceAccess());

/**
 * The intake room's routes on real records: intake officers hold no scope claim (docs/access.md) and
 * no scoped role may call these routes, so the matrix's own-scope / foreign-scope check has no
 * scoped reader here: a caller of another scope — a lab, a platform, an officer of another jurisdiction — or a buyer is
 * refused (403) and learns nothing of the parcel, the batch or the session.
 */
describe('evidence intake routes on real records, called from a foreign scope', () => {
  let env: EvidenceTestEnv;
  let officer: Record<string, string>;
  const batchNumber = `HZ2026-${String(Math.floor(Math.random() * 800_000) + 100_000)}`;
  const trackingNumber = `ZT${randomBytes(5).toString('hex').toUpperCase()}`;
  const ids: Record<string, string> = {};

  const call = async (method: string, url: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${env.service.url}${url}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-zhou' });
    const value: OrderPlacedValue = {
      batchNumber,
      orderNumber: `5968${batchNumber.slice(-6)}`,
      orderedAt: '2026-03-02T06:12:45.000Z',
      listing: { platformListingId: '77', url: 'https://shop.example.cn/item/77', title: '插座 转换器' },
      seller: {
        name: '杭州电工有限公司',
        entityType: 'natural-person',
        shopName: '电工店',
        shopUrl: 'https://shop.example.cn',
      },
      quantity: { testUnits: 1, backupUnits: 1 },
      unitPriceFen: 3900,
      shippingFeeFen: 0,
      totalPaidFen: 7800,
      carrier: '中通快递',
      trackingNumber,
      shippedAt: '2026-03-02T10:30:00.000Z',
      evidencePackageId: '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f8',
    };
    const ds = env.service.app.get(DataSource);
    await ds.transaction((m) =>
      env.service.app.get(OutboxPublisher).publish(m, [{ contract: OrderPlaced, key: batchNumber, value }]),
    );
    await expectEventually(async () =>
      expect(
        await ds.query('select 1 from expected_parcel where batch_number = $1', [batchNumber]),
      ).toHaveLength(1),
    );
    const buyer = await env.service.auth({ roles: ['buyer'], sub: `buyer-${batchNumber}` });
    await uploadThroughApi(env, buyer, randomBytes(1024), {
      kind: 'order-screenshot',
      batchNumber,
      contentType: 'image/png',
    });
    const receive = (n: string) =>
      call('POST', '/intake/parcels', officer, { trackingNumber: n, condition: 'intact' }).then(
        (r) => JSON.parse(r.text) as { id: string },
      );
    ids['parcel'] = (await receive(trackingNumber)).id;
    ids['quarantined'] = (await receive(`${trackingNumber}9`)).id;
    const video = await uploadThroughApi(env, officer, randomBytes(2048), {
      kind: 'unboxing-video',
      batchNumber,
      contentType: 'video/mp4',
    });
    const waybill = await uploadThroughApi(env, officer, randomBytes(512), {
      kind: 'waybill-photo',
      batchNumber,
      contentType: 'image/jpeg',
    });
    const session = await call('POST', '/unpacking-sessions', officer, {
      parcelId: ids['parcel'],
      participants: [
        { role: 'buyer' },
        { role: 'enforcement-officer', name: '王明' },
        { role: 'enforcement-officer', name: '张强' },
        { role: 'lab-staff', name: '李华' },
        { role: 'lab-staff', name: '赵敏' },
      ],
      videoObjectId: video.objectId,
      waybillPhotoObjectId: waybill.objectId,
      claimed: { sampleName: '插座', hasCertificate: true },
    });
    expect(session.status).toBe(201);
    ids['session'] = (JSON.parse(session.text) as { id: string }).id;
  });
  afterAll(() => env?.stop());

  it('refuses each new intake route to a lab, a platform, an officer of another jurisdiction and a buyer, with no data', async () => {
    const strangers = [
      { roles: ['lab'], labId: 'L999' },
      { roles: ['platform'], platformId: 'P999' },
      { roles: ['enforcement-officer'], jurisdiction: '110101' },
      { roles: ['buyer'], sub: `buyer-${batchNumber}` },
    ];
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/intake/expected-parcels'],
      ['GET', '/intake/parcels?status=quarantined'],
      ['GET', `/intake/parcels/${ids['quarantined']}`],
      ['POST', `/intake/parcels/${ids['quarantined']}/release`, { reason: '放行', batchNumber }],
      ['POST', `/intake/parcels/${ids['quarantined']}/reject`, { reason: '退回' }],
      ['GET', '/unpacking-sessions?status=open'],
      ['GET', `/unpacking-sessions/${ids['session']}`],
    ];
    for (const claims of strangers) {
      const headers = await env.service.auth(claims);
      for (const [method, url, body] of routes) {
        const res = await call(method, url, headers, body);
        expect({ claims, url, status: res.status }).toEqual({ claims, url, status: 403 });
        for (const secret of [batchNumber, trackingNumber, '王明', 'U-'])
          expect(res.text).not.toContain(secret);
      }
    }
    // Nothing changed: the parcel is still quarantined, and an officer sees the records.
    const parcel = await call('GET', `/intake/parcels/${ids['quarantined']}`, officer);
    expect(JSON.parse(parcel.text)).toMatchObject({ status: 'quarantined' });
    const session = await call('GET', `/unpacking-sessions/${ids['session']}`, officer);
    expect(JSON.parse(session.text)).toMatchObject({ batchNumber, status: 'open' });
    // An id nobody has answers as unknown, the same for every route that reads one.
    const unknown = await call('GET', `/unpacking-sessions/${randomUUID()}`, officer);
    expect(unknown.status).toBe(404);
    expect(unknown.text).not.toContain(batchNumber);
  });
});
