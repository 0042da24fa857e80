import { randomBytes, randomUUID } from 'node:crypto';
import { OrderPlaced, ParcelReceived, type OrderPlacedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { expectEventually } from '@qis/testing';
import { DataSource } from 'typeorm';
import { readEvent } from '../test-support/read-event';
import { startEvidenceTestEnv, type EvidenceTestEnv } from '../test-support/evidence-test-env';

const order = (batchNumber: string, trackingNumber: string): OrderPlacedValue => ({
  batchNumber,
  orderNumber: `4958${batchNumber.slice(-6)}`,
  orderedAt: '2026-03-02T06:12:45.000Z',
  platform: {
    code: 'jd',
    name: '京东',
    url: 'https://www.jd.com',
    operatorName: '北京京东叁佰陆拾度电子商务有限公司',
  },
  listing: {
    platformListingId: '1002003',
    url: 'https://item.jd.com/1002003.html',
    title: '智能马桶盖 即热式',
  },
  seller: {
    name: '杭州洁净卫浴有限公司',
    entityType: 'natural-person',
    shopName: '洁净卫浴专营店',
    shopUrl: 'https://mall.jd.com/index-1002.html',
  },
  quantity: { testUnits: 2, backupUnits: 1 },
  unitPriceFen: 129900,
  shippingFeeFen: 0,
  totalPaidFen: 389700,
  carrier: '顺丰速运',
  trackingNumber,
  shippedAt: new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z'),
  evidencePackageId: '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f7',
});

describe('quarantined parcels: released into their batch or rejected, with the reason', () => {
  let env: EvidenceTestEnv;
  let officer: Record<string, string>;
  let seq = 0;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-qian' });
  });
  afterAll(() => env?.stop());

  const call = async (method: string, url: string, body?: unknown, headers = officer) => {
    const res = await fetch(`${env.service.url}${url}`, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function orderPlaced(): Promise<OrderPlacedValue> {
    seq++;
    const value = order(
      `HZ2026-${String(700000 + seq)}`,
      `SF${randomBytes(5).toString('hex').toUpperCase()}`,
    );
    const ds = env.service.app.get(DataSource);
    await ds.transaction((m) =>
      env.service.app
        .get(OutboxPublisher)
        .publish(m, [{ contract: OrderPlaced, key: value.batchNumber, value }]),
    );
    await expectEventually(async () => {
      const rows = await ds.query('select 1 from expected_parcel where batch_number = $1', [
        value.batchNumber,
      ]);
      expect(rows).toHaveLength(1);
    });
    return value;
  }

  it('lists the parcel as expected until it is admitted, without the buyer or the address', async () => {
    const value = await orderPlaced();
    const before = await call('GET', '/intake/expected-parcels?pageSize=100');
    expect(before.status).toBe(200);
    const row = (before.body['items'] as Array<Record<string, unknown>>).find(
      (i) => i['batchNumber'] === value.batchNumber,
    );
    expect(row).toMatchObject({
      carrier: '顺丰速运',
      trackingNumber: value.trackingNumber,
      testUnits: 2,
      backupUnits: 1,
      listingTitle: '智能马桶盖 即热式',
      quarantined: 0,
    });
    const admitted = await call('POST', '/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: value.trackingNumber,
      condition: 'intact',
    });
    expect(admitted.body['status']).toBe('admitted');
    const after = await call('GET', '/intake/expected-parcels?pageSize=100');
    expect(
      (after.body['items'] as Array<Record<string, unknown>>).map((i) => i['batchNumber']),
    ).not.toContain(value.batchNumber);
    const waiting = await call('GET', '/intake/parcels?status=admitted&unpacked=false&pageSize=100');
    expect(waiting.body['items']).toContainEqual(
      expect.objectContaining({ id: admitted.body['id'], unpackingSessionId: null }),
    );
  });

  it('admits a parcel by the scanned tracking number alone, taking the carrier from the order; an unknown number is quarantined', async () => {
    const value = await orderPlaced();
    const scanned = await call('POST', '/intake/parcels', {
      trackingNumber: `${value.trackingNumber.slice(0, 4)} ${value.trackingNumber.slice(4)}`,
      condition: 'intact',
    });
    expect(scanned.status).toBe(201);
    expect(scanned.body).toMatchObject({
      status: 'admitted',
      batchNumber: value.batchNumber,
      carrier: '顺丰速运',
    });
    const stray = await call('POST', '/intake/parcels', {
      trackingNumber: 'YT0000000001',
      condition: 'intact',
    });
    expect(stray.body).toMatchObject({
      status: 'quarantined',
      carrier: '',
      quarantineReason: expect.stringContaining('no order-placed record with tracking number YT0000000001'),
    });
  });

  it('releases a mistyped parcel into the batch it belongs to: admitted, published, audited, in the custody ledger', async () => {
    const value = await orderPlaced();
    const wrong = await call('POST', '/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: `${value.trackingNumber}X`,
      condition: 'damaged',
    });
    expect(wrong.body).toMatchObject({ status: 'quarantined', batchNumber: null });
    const id = String(wrong.body['id']);
    const listed = await call('GET', '/intake/parcels?status=quarantined&pageSize=100');
    expect((listed.body['items'] as Array<Record<string, unknown>>).map((i) => i['id'])).toContain(id);

    const noBatch = await call('POST', `/intake/parcels/${id}/release`, {
      reason: '面单号录入错误，核对一致',
    });
    expect(noBatch.status).toBe(422);
    expect(noBatch.body['errors']).toEqual([
      { field: 'batchNumber', reasons: [expect.stringContaining('required')] },
    ]);
    const noReason = await call('POST', `/intake/parcels/${id}/release`, { batchNumber: value.batchNumber });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');

    const released = await call('POST', `/intake/parcels/${id}/release`, {
      reason: '面单号录入错误，核对一致',
      batchNumber: value.batchNumber,
    });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({
      status: 'admitted',
      batchNumber: value.batchNumber,
      quarantineReason: expect.stringContaining('no order-placed record'),
      resolvedBy: 'officer-qian',
      resolutionReason: '面单号录入错误，核对一致',
    });
    const event = await readEvent(ParcelReceived.topic, value.batchNumber);
    expect(event).toMatchObject({
      batchNumber: value.batchNumber,
      orderNumber: value.orderNumber,
      condition: 'damaged',
    });

    const again = await call('POST', `/intake/parcels/${id}/release`, {
      reason: '再次放行',
      batchNumber: value.batchNumber,
    });
    expect(again.status).toBe(409);
    expect(String(again.body['message'])).toContain('not quarantined');
    const reject = await call('POST', `/intake/parcels/${id}/reject`, { reason: '误操作' });
    expect(reject.status).toBe(409);

    const ledger = await env.adminQuery(
      "select action, actor, detail from custody_entry where subject_type = 'parcel' and subject_id = $1",
      [id],
    );
    expect(ledger).toEqual([
      expect.objectContaining({
        action: 'quarantine-release',
        actor: 'officer-qian',
        detail: expect.objectContaining({
          reason: '面单号录入错误，核对一致',
          batchNumber: value.batchNumber,
        }),
      }),
    ]);
    const audit = await env.adminQuery(
      "select action from audit_log where entity_type = 'parcel' and entity_id = $1",
      [id],
    );
    expect(audit.map((a) => a['action'])).toEqual(['intake.parcel.quarantine', 'intake.parcel.release']);
    const stages = await call('GET', `/batches/${value.batchNumber}/stages`);
    expect((stages.body['stages'] as Array<Record<string, unknown>>)[0]).toMatchObject({
      stage: 'received',
      facts: {
        carrier: value.carrier,
        quarantineReason: expect.stringContaining('no order-placed record'),
        reason: '面单号录入错误，核对一致',
      },
    });
    const verify = await call(
      'GET',
      '/custody/verify',
      undefined,
      await env.service.auth({ roles: ['auditor'] }),
    );
    expect(verify.body).toMatchObject({ intact: true });
  });

  it('rejects a second parcel of an admitted batch with the reason; releasing it instead is 409', async () => {
    const value = await orderPlaced();
    const body = { carrier: value.carrier, trackingNumber: value.trackingNumber, condition: 'intact' };
    expect((await call('POST', '/intake/parcels', body)).body['status']).toBe('admitted');
    const second = await call('POST', '/intake/parcels', body);
    expect(second.body).toMatchObject({ status: 'quarantined', batchNumber: value.batchNumber });
    const id = String(second.body['id']);
    const release = await call('POST', `/intake/parcels/${id}/release`, { reason: '放行' });
    expect(release.status).toBe(409);
    expect(String(release.body['message'])).toContain('already has an admitted parcel');
    const other = await call('POST', `/intake/parcels/${id}/release`, {
      reason: '放行',
      batchNumber: 'HZ2026-999998',
    });
    expect(other.status).toBe(422);
    const rejected = await call('POST', `/intake/parcels/${id}/reject`, { reason: '重复包裹，退回承运人' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', resolutionReason: '重复包裹，退回承运人' });
    const ledger = await env.adminQuery(
      "select action from custody_entry where subject_type = 'parcel' and subject_id = $1",
      [id],
    );
    expect(ledger.map((r) => r['action'])).toEqual(['quarantine-reject']);
    expect(
      (await call('POST', `/intake/parcels/${randomUUID()}/reject`, { reason: '无此包裹' })).status,
    ).toBe(404);
  });

  it('shows a parcel, the lists and the decisions to intake officers only: other roles 403 with no data', async () => {
    const value = await orderPlaced();
    const q = await call('POST', '/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: `${value.trackingNumber}Q`,
      condition: 'intact',
    });
    const id = String(q.body['id']);
    const strangers = [
      { roles: ['lab'], labId: 'L001' },
      { roles: ['enforcement-officer'], jurisdiction: '330102' },
      { roles: ['platform'], platformId: 'P001' },
      { roles: ['buyer'], sub: 'buyer-x' },
    ];
    for (const claims of strangers) {
      const headers = await env.service.auth(claims);
      for (const [method, url, body] of [
        ['GET', `/intake/parcels/${id}`],
        ['GET', '/intake/parcels?status=quarantined'],
        ['GET', '/intake/expected-parcels'],
        ['GET', '/unpacking-sessions?status=open'],
        ['POST', `/intake/parcels/${id}/release`, { reason: '放行', batchNumber: value.batchNumber }],
        ['POST', `/intake/parcels/${id}/reject`, { reason: '退回' }],
      ] as Array<[string, string, unknown?]>) {
        const res = await call(method, url, body, headers);
        expect({ claims, url, status: res.status }).toEqual({ claims, url, status: 403 });
        const json = JSON.stringify(res.body);
        for (const secret of [value.trackingNumber, value.batchNumber, 'items'])
          expect(json).not.toContain(secret);
      }
    }
    expect((await call('GET', `/intake/parcels/${id}`)).body['status']).toBe('quarantined');
  });
});
