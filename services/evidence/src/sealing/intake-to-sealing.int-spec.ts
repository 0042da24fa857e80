import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { OrderPlaced, ParcelReceived, SampleSealed, type OrderPlacedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { dateInWords, expectEventually } from '@qis/testing';
import { DataSource } from 'typeorm';
import { readEvent } from '../test-support/read-event';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

const ARTIFACTS = path.resolve(__dirname, '../../../../test-artifacts/evidence');

const order = (batchNumber: string, trackingNumber: string): OrderPlacedValue => ({
  batchNumber,
  orderNumber: `39582047${batchNumber.slice(-6)}`,
  orderedAt: '2026-03-02T06:12:45.000Z',
  platform: {
    code: 'taobao',
    name: '淘宝',
    url: 'https://www.taobao.com',
    operatorName: '浙江天猫网络有限公司',
  },
  listing: {
    platformListingId: '6618203344',
    url: 'https://item.taobao.com/item.htm?id=6618203344',
    title: '100%桑蚕丝被 春秋被',
  },
  seller: {
    name: '杭州丝之源家纺有限公司',
    entityType: 'natural-person',
    registeredAddress: '浙江省杭州市西湖区文三路 1 号',
    shopName: '丝之源旗舰店',
    shopUrl: 'https://sizhiyuan.taobao.com',
  },
  quantity: { testUnits: 1, backupUnits: 1 },
  unitPriceFen: 59900,
  shippingFeeFen: 0,
  totalPaidFen: 119800,
  carrier: '中通快递',
  trackingNumber,
  shippedAt: '2026-03-02T10:30:00.000Z',
  evidencePackageId: '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
});

// The buyer is not named: the service puts the batch's buyer pseudonym.
const participants: Array<{ role: string; name?: string }> = [
  { role: 'buyer' },
  { role: 'enforcement-officer', name: '王明' },
  { role: 'enforcement-officer', name: '张强' },
  { role: 'lab-staff', name: '李华' },
  { role: 'lab-staff', name: '赵敏' },
];
const signatures = participants
  .filter((p): p is { role: string; name: string } => p.role !== 'buyer')
  .map((p) => ({ ...p, signedAt: '2026-03-05T03:00:00Z' }));
const claimed = {
  sampleName: '桑蚕丝被',
  brand: '丝之源',
  producerName: '杭州丝之源家纺有限公司',
  productStandard: 'GB/T 24252-2019',
  specModel: '200×230cm',
  productionDate: '2026-01-15',
  hasCertificate: true,
};

describe('intake, unpacking and sealing', () => {
  let env: EvidenceTestEnv;
  let officer: Record<string, string>;
  let seq = 0;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
  });
  afterAll(() => env?.stop());

  const post = async (url: string, body: unknown) => {
    const res = await fetch(`${env.service.url}${url}`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** The order arrives as purchasing publishes it: through an outbox, Kafka and this service's inbox. */
  async function orderPlaced(): Promise<OrderPlacedValue> {
    seq++;
    const value = order(
      `HZ2026-${String(100000 + seq)
        .slice(1)
        .padStart(6, '0')}`,
      `7831${randomBytes(5).toString('hex')}`,
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

  /** A stored document's text as pdftotext reads it, downloaded through the API. */
  async function storedPdfText(objectId: string): Promise<string> {
    const download = await post(`/evidence/objects/${objectId}/download`, {});
    const pdf = Buffer.from(await (await fetch(String(download.body['url']))).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-doc-'));
    writeFileSync(path.join(dir, 'doc.pdf'), pdf);
    return execFileSync('pdftotext', ['doc.pdf', '-'], { cwd: dir }).toString();
  }

  /** The buyer's purchase evidence of the batch, uploaded with the buyer's own login. */
  async function buyerUploads(batchNumber: string, sub = `buyer-login-${batchNumber}`) {
    const buyer = await env.service.auth({ roles: ['buyer'], sub });
    await uploadThroughApi(env, buyer, randomBytes(2048), {
      kind: 'purchase-screen-recording',
      batchNumber,
      contentType: 'video/mp4',
    });
  }

  async function openSession(
    value: OrderPlacedValue,
    options: { people?: typeof participants; videoBatch?: string; buyerUploaded?: boolean } = {},
  ) {
    if (options.buyerUploaded !== false) await buyerUploads(value.batchNumber);
    const parcel = await post('/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: value.trackingNumber,
      condition: 'intact',
    });
    expect(parcel.body['status']).toBe('admitted');
    const video = await uploadThroughApi(env, officer, randomBytes(4096), {
      kind: 'unboxing-video',
      batchNumber: options.videoBatch ?? value.batchNumber,
      contentType: 'video/mp4',
    });
    const waybill = await uploadThroughApi(env, officer, randomBytes(1024), {
      kind: 'waybill-photo',
      batchNumber: value.batchNumber,
      contentType: 'image/jpeg',
    });
    const session = await post('/unpacking-sessions', {
      parcelId: parcel.body['id'],
      participants: options.people ?? participants,
      videoObjectId: video.objectId,
      waybillPhotoObjectId: waybill.objectId,
      claimed,
    });
    return { ...session, videoObjectId: video.objectId, waybillPhotoObjectId: waybill.objectId };
  }

  it("records the buyer only by the batch's buyer pseudonym, looked up: a typed name is 422 naming the field", async () => {
    const value = await orderPlaced();
    await buyerUploads(value.batchNumber);
    const lookup = await fetch(`${env.service.url}/batches/${value.batchNumber}/buyer`, { headers: officer });
    expect(lookup.status).toBe(200);
    const { pseudonym } = (await lookup.json()) as { pseudonym: string };
    expect(pseudonym).toMatch(/^U-[0-9A-F]{16}$/);

    const typed = await openSession(value, {
      buyerUploaded: false,
      people: [{ role: 'buyer', name: '周晓梅' }, ...participants.slice(1)],
    });
    expect(typed.status).toBe(422);
    expect(typed.body['errors']).toEqual([
      { field: 'participants[0].name', reasons: [expect.stringContaining('pseudonym')] },
    ]);

    const parcels = (await env.adminQuery(
      "select id from parcel where batch_number = $1 and status = 'admitted'",
      [value.batchNumber],
    )) as Array<{ id: string }>;
    const res = await post('/unpacking-sessions', {
      parcelId: parcels[0]?.id,
      participants: [{ role: 'buyer', name: pseudonym }, ...participants.slice(1)],
      videoObjectId: typed.videoObjectId,
      waybillPhotoObjectId: typed.waybillPhotoObjectId,
      claimed,
    });
    expect(res.status).toBe(201);
    const [stored] = await env.adminQuery('select participants from unpacking_session where id = $1', [
      res.body['id'],
    ]);
    expect(stored['participants']).toContainEqual({ role: 'buyer', name: pseudonym });
    expect(JSON.stringify(stored['participants'])).not.toContain('buyer-login');
  });

  it('refuses an unpacking whose buyer is unknown here, naming participants', async () => {
    const value = await orderPlaced();
    const res = await openSession(value, { buyerUploaded: false });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      { field: 'participants', reasons: [expect.stringContaining('no purchase evidence')] },
    ]);
  });

  it('refuses an unpacking that cites evidence of another batch, naming the field', async () => {
    const value = await orderPlaced();
    const res = await openSession(value, { videoBatch: 'HZ2026-999001' });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      {
        field: 'videoObjectId',
        reasons: [expect.stringContaining(`must be evidence of batch ${value.batchNumber}`)],
      },
    ]);
  });

  it('quarantines a parcel whose tracking number matches no order, with the reason', async () => {
    const value = await orderPlaced();
    const res = await post('/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: `${value.trackingNumber}9`,
      condition: 'intact',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'quarantined',
      batchNumber: null,
      quarantineReason: expect.stringContaining('no order-placed record'),
    });
    // The carrier may be left out, never null (found by fuzzing: null was stored as '').
    const nullCarrier = await post('/intake/parcels', {
      carrier: null,
      trackingNumber: `${value.trackingNumber}8`,
      condition: 'intact',
    });
    expect(nullCarrier.status).toBe(400);
    expect((nullCarrier.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(['carrier']);
  });

  it('admits a matching parcel and publishes parcel-received without buyer or address', async () => {
    const value = await orderPlaced();
    const res = await post('/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: value.trackingNumber,
      condition: 'intact',
    });
    expect(res.body).toMatchObject({ status: 'admitted', batchNumber: value.batchNumber });
    const event = await readEvent(ParcelReceived.topic, value.batchNumber);
    expect(event).toEqual({
      batchNumber: value.batchNumber,
      orderNumber: value.orderNumber,
      carrier: value.carrier,
      trackingNumber: value.trackingNumber,
      condition: 'intact',
      receivedAt: expect.any(String),
    });
    const again = await post('/intake/parcels', {
      carrier: value.carrier,
      trackingNumber: value.trackingNumber,
      condition: 'intact',
    });
    expect(again.body).toMatchObject({
      status: 'quarantined',
      quarantineReason: expect.stringContaining('already has an admitted parcel'),
    });
  });

  it('refuses an unpacking session with one enforcement officer', async () => {
    const res = await post('/unpacking-sessions', {
      parcelId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
      participants: participants.filter((p) => p.name !== '张强'),
      videoObjectId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928171',
      waybillPhotoObjectId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928172',
      claimed,
    });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      { field: 'participants', reasons: ['needs at least 2 enforcement officers, got 1'] },
    ]);
  });

  it('refuses claimed facts that are not an object with 400 naming claimed (found by fuzzing: [] was stored as {})', async () => {
    const res = await post('/unpacking-sessions', {
      parcelId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
      participants,
      videoObjectId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928171',
      waybillPhotoObjectId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928172',
      claimed: [],
    });
    expect(res.status).toBe(400);
    expect((res.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual(['claimed']);
  });

  it('refuses a sealing signed by one enforcement officer', async () => {
    const session = await openSession(await orderPlaced());
    expect(session.status).toBe(201);
    const res = await post(`/unpacking-sessions/${session.body['id']}/sealing`, {
      category: 'silk-quilt',
      testSample: { sealNumber: 'FY2026-100001', units: 1 },
      backupSample: { sealNumber: 'FY2026-100002', units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
      signatures: signatures.filter((s) => s.name !== '张强'),
    });
    expect(res.status).toBe(422);
    expect(res.body['errors']).toEqual([
      { field: 'signatures', reasons: ['needs at least 2 enforcement officers, got 1'] },
    ]);
  });

  it("seals a batch once and puts a seal number on one strip only: a second unpacking, another sample's seal number and a re-seal to it are 409s saying why (found by fuzzing: 500s)", async () => {
    const seal = (sessionId: unknown, test: string, backup: string) =>
      post(`/unpacking-sessions/${String(sessionId)}/sealing`, {
        category: 'silk-quilt',
        testSample: { sealNumber: test, units: 1 },
        backupSample: { sealNumber: backup, units: 1 },
        backupStorageLocation: '市局样品室 A-03-2',
        signatures,
      });
    const first = await orderPlaced();
    const sessionA = await openSession(first);
    expect((await seal(sessionA.body['id'], 'FY2026-500001', 'FY2026-500002')).status).toBe(201);

    const again = await post('/unpacking-sessions', {
      parcelId: sessionA.body['parcelId'],
      participants,
      videoObjectId: sessionA.videoObjectId,
      waybillPhotoObjectId: sessionA.waybillPhotoObjectId,
      claimed,
    });
    expect(again.status).toBe(409);
    expect(again.body['message']).toBe(
      `batch ${first.batchNumber} was unpacked and sealed already (unpacking session ${String(sessionA.body['id'])})`,
    );

    const second = await orderPlaced();
    const sessionB = await openSession(second);
    const taken = await seal(sessionB.body['id'], 'FY2026-500002', 'FY2026-500003');
    expect(taken.status).toBe(409);
    expect(taken.body['errors']).toEqual([
      {
        field: 'testSample.sealNumber',
        reasons: [`seal number FY2026-500002 is on sample ${first.batchNumber}-S already`],
      },
    ]);
    expect((await seal(sessionB.body['id'], 'FY2026-500003', 'FY2026-500004')).status).toBe(201);

    const reseal = await post(`/samples/${first.batchNumber}-S/reseals`, {
      sample: 'backup',
      newSealNumber: 'FY2026-500004',
      reason: '复检',
      signatures: [
        { role: 'enforcement-officer', name: '张强', signedAt: '2026-04-01T02:00:00Z' },
        { role: 'applicant', name: '杭州丝之源家纺有限公司 委托人 陈晓', signedAt: '2026-04-01T02:00:00Z' },
        { role: 'original-lab', name: '纺织院 李华', signedAt: '2026-04-01T02:00:00Z' },
        { role: 'reinspection-lab', name: '省质检院 周正', signedAt: '2026-04-01T02:00:00Z' },
      ],
    });
    expect(reseal.status).toBe(409);
    expect(reseal.body['errors']).toEqual([
      {
        field: 'newSealNumber',
        reasons: [`seal number FY2026-500004 is on sample ${second.batchNumber}-S already`],
      },
    ]);
  });

  it('seals the sample, stores a Chinese work-order PDF that renders real glyphs, publishes sample-sealed and prints labels', async () => {
    const value = await orderPlaced();
    const session = await openSession(value);
    const res = await post(`/unpacking-sessions/${session.body['id']}/sealing`, {
      category: 'silk-quilt',
      testSample: { sealNumber: 'FY2026-200001', units: 1 },
      backupSample: { sealNumber: 'FY2026-200002', units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
      signatures,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sampleCode: `${value.batchNumber}-S`,
      workOrderNumber: `GD-${value.batchNumber}`,
    });

    const event = await readEvent(SampleSealed.topic, value.batchNumber);
    const payload = JSON.stringify(event);
    expect(event).toMatchObject({
      sampleCode: `${value.batchNumber}-S`,
      category: 'silk-quilt',
      claimed: { brand: '丝之源' },
    });
    expect(payload).not.toContain('B-0012');
    expect(payload).not.toContain('文三路');

    // The work order as stored evidence, downloaded through the API and turned into a PNG.
    const download = await post(`/evidence/objects/${res.body['workOrderObjectId']}/download`, {});
    const pdf = Buffer.from(await (await fetch(String(download.body['url']))).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-wo-'));
    writeFileSync(path.join(dir, 'wo.pdf'), pdf);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync(
      'pdftoppm',
      ['-png', '-r', '80', '-singlefile', '-f', '1', '-l', '1', 'wo.pdf', path.join(ARTIFACTS, 'work-order')],
      { cwd: dir },
    );
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-singlefile', '-f', '1', '-l', '1', 'wo.pdf', 'page'], {
      cwd: dir,
    });
    const pgm = readFileSync(path.join(dir, 'page.pgm'));
    const ink = pgm.subarray(pgm.length - 40_000).filter((p) => p < 128).length;
    expect(ink).toBeGreaterThan(100);
    // pdftotext reads the glyphs back as the Chinese title: they are real characters, not boxes.
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', 'wo.pdf', '-'], { cwd: dir }).toString();
    expect(text).toContain('网络商品质量抽查检验工作单');
    expect(text).toContain('丝之源');

    // The sampling notice: authority, addressee with one colon, legal basis, rights with their periods in words, date in words, the platform copied.
    const notice = (await storedPdfText(String(res.body['noticeObjectId']))).replace(/\n+/g, '\n');
    const flat = notice.replace(/\s+/g, '');
    expect(notice).toContain('杭州市市场监督管理局\n网络商品质量抽查检验通知书');
    expect(notice).toMatch(/^杭州丝之源家纺有限公司：$/m);
    expect(notice).not.toContain('：：');
    expect(flat).toContain('依据：《中华人民共和国产品质量法》第十五条、《流通领域商品质量抽查检验办法》');
    expect(flat).toContain('权利告知');
    expect(flat).toContain('自收到检验结果之日起五个工作日内');
    expect(flat).toContain(
      '自收到本通知书（或公告通知发布）之日起十五日内，向杭州市市场监督管理局提出书面复检申请',
    );
    expect(flat).toContain('抄送：浙江天猫网络有限公司（第三方交易平台经营者）');
    expect(flat).toContain(`工作单编号：GD-${value.batchNumber}`);
    const sealedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(String(res.body['sealedAt'])),
    );
    expect(flat).toContain(dateInWords(sealedOn));

    const labels = await fetch(`${env.service.url}/samples/${value.batchNumber}-S/labels`, {
      headers: officer,
    });
    expect(labels.status).toBe(200);
    expect(labels.headers.get('content-type')).toContain('application/pdf');

    const verify = await fetch(`${env.service.url}/custody/verify`, {
      headers: await env.service.auth({ roles: ['auditor'] }),
    });
    expect(await verify.json()).toMatchObject({ intact: true });
  });

  it('records hand-overs to and back from a lab and a re-seal in the custody ledger, refusing a wrong seal number', async () => {
    const value = await orderPlaced();
    const session = await openSession(value);
    await post(`/unpacking-sessions/${session.body['id']}/sealing`, {
      category: 'silk-quilt',
      testSample: { sealNumber: 'FY2026-300001', units: 1 },
      backupSample: { sealNumber: 'FY2026-300002', units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
      signatures,
    });
    const code = `${value.batchNumber}-S`;
    const handOver = {
      sample: 'test',
      direction: 'to-lab',
      labId: 'L001',
      counterpart: '李华',
      sealIntact: true,
    };
    const wrong = await post(`/samples/${code}/hand-overs`, { ...handOver, sealNumber: 'FY2026-999999' });
    expect(wrong.status).toBe(422);
    const res = await fetch(`${env.service.url}/samples/${code}/hand-overs`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ ...handOver, sealNumber: 'FY2026-300001' }),
    });
    expect(res.status).toBe(204);
    const back = await fetch(`${env.service.url}/samples/${code}/hand-overs`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ ...handOver, direction: 'from-lab', sealNumber: 'FY2026-300001' }),
    });
    expect(back.status).toBe(204);
    const officerOnly = [{ role: 'enforcement-officer', name: '王明', signedAt: '2026-04-01T02:00:00Z' }];
    const short = await post(`/samples/${code}/reseals`, {
      sample: 'backup',
      newSealNumber: 'FY2026-300003',
      reason: '复检',
      signatures: officerOnly,
    });
    expect(short.status).toBe(422);
    expect(short.body['errors']).toEqual([
      {
        field: 'signatures',
        reasons: [
          'needs the signature of the re-inspection applicant, got 0',
          'needs the signature of the original lab, got 0',
          'needs the signature of the re-inspection lab, got 0',
        ],
      },
    ]);
    const reseal = await post(`/samples/${code}/reseals`, {
      sample: 'backup',
      newSealNumber: 'FY2026-300003',
      reason: '复检',
      signatures: [
        ...officerOnly,
        { role: 'applicant', name: '杭州丝之源家纺有限公司 委托人 陈晓', signedAt: '2026-04-01T02:00:00Z' },
        { role: 'original-lab', name: '纺织院 李华', signedAt: '2026-04-01T02:00:00Z' },
        { role: 'reinspection-lab', name: '省质检院 周正', signedAt: '2026-04-01T02:00:00Z' },
      ],
    });
    expect(reseal.status).toBe(200);
    expect(reseal.body['backupSealNumber']).toBe('FY2026-300003');
    // The re-sealing record: each of the four parties named on a signature line, the seals, basis, the 7 days in words.
    const record = (await storedPdfText(String(reseal.body['resealRecordObjectId']))).replace(/\s+/g, '');
    for (const line of [
      '杭州市市场监督管理局复检封样记录',
      `编号：FF-${value.batchNumber}-FY2026-300003`,
      '复检样品：备份样品',
      '原封样条编号：FY2026-300002',
      '新封样条编号：FY2026-300003',
      '复检申请人：杭州丝之源家纺有限公司委托人陈晓',
      '原检验机构：纺织院李华',
      '复检机构：省质检院周正',
      '市场监督管理执法人员：王明',
      '签字确认',
      '日期：2026年4月1日10:00',
      '依据：《流通领域商品质量抽查检验办法》及《杭州市市场监督管理局网络交易商品质量抽查检验操作规程（试行）》',
      '权利告知',
      '自收到《复检机构确定通知书》之日起七日内办理复检手续',
      '各方对封样过程或本记录所载内容有异议的，有权在签字前提出',
    ])
      expect(record).toContain(line);
    const resealedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(record).toContain(dateInWords(resealedOn));
    const [recordRow] = await env.adminQuery(
      'select kind, batch_number, file_name from evidence_object where id = $1',
      [reseal.body['resealRecordObjectId']],
    );
    expect(recordRow).toEqual({
      kind: 'signed-work-order',
      batch_number: value.batchNumber,
      file_name: '复检封样记录.pdf',
    });
    const rows = await env.adminQuery(
      "select action from custody_entry where subject_type = 'sample' and subject_id like $1 order by seq",
      [`${code}:%`],
    );
    expect(rows.map((r) => r['action'])).toEqual([
      'seal',
      'seal',
      'hand-over-to-lab',
      'hand-back-from-lab',
      're-seal',
    ]);
    // The intake room reads it back: who was present, the seals carried now, each custody step.
    const detail = await fetch(`${env.service.url}/unpacking-sessions/${session.body['id']}`, {
      headers: officer,
    });
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'sealed',
      sampleCode: code,
      participants: expect.arrayContaining([{ role: 'lab-staff', name: '李华' }]),
      sealing: { testSealNumber: 'FY2026-300001', backupSealNumber: 'FY2026-300003' },
    });
    expect(
      (body['custody'] as Array<Record<string, unknown>>).map((c) => [c['action'], c['sample']]),
    ).toEqual([
      ['seal', 'test'],
      ['seal', 'backup'],
      ['hand-over-to-lab', 'test'],
      ['hand-back-from-lab', 'test'],
      ['re-seal', 'backup'],
    ]);
    // The batch's stages show each custody step after the seal.
    const stages = await fetch(`${env.service.url}/batches/${value.batchNumber}/stages`, {
      headers: officer,
    });
    const steps = (
      (await stages.json()) as { stages: Array<{ stage: string; facts: Record<string, unknown> }> }
    ).stages;
    expect(steps.map((s) => [s.stage, s.facts['custodyStep'] ?? null])).toEqual([
      ['received', null],
      ['sealed', null],
      ['sealed', 'hand-over-to-lab'],
      ['sealed', 'hand-back-from-lab'],
      ['sealed', 're-seal'],
    ]);
    expect(steps[4]?.facts).toMatchObject({
      sampleRole: 'backup',
      sealNumber: 'FY2026-300003',
      reason: '复检',
    });
    const sealed = await fetch(`${env.service.url}/unpacking-sessions?status=sealed&pageSize=100`, {
      headers: officer,
    });
    expect(((await sealed.json()) as { items: Array<Record<string, unknown>> }).items).toContainEqual(
      expect.objectContaining({ id: session.body['id'], sampleCode: code }),
    );
  });

  it('shows the batch received and sealed at GET /batches/{batchNumber}/stages, to intake and the bureau only', async () => {
    const value = await orderPlaced();
    const session = await openSession(value);
    expect(session.status).toBe(201);
    const sealed = await post(`/unpacking-sessions/${session.body['id']}/sealing`, {
      category: 'silk-quilt',
      testSample: { sealNumber: 'FY2026-400001', units: 1 },
      backupSample: { sealNumber: 'FY2026-400002', units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
      signatures,
    });
    expect(sealed.status).toBe(201);
    const view = async (batchNumber: string, headers: Record<string, string>) => {
      const res = await fetch(`${env.service.url}/batches/${batchNumber}/stages`, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const planner = await env.service.auth({ roles: ['planner'], sub: 'planner-li' });
    const reply = await view(value.batchNumber, officer);
    expect(reply.status).toBe(200);
    const stages = reply.body['stages'] as Array<Record<string, unknown>>;
    expect(stages.map((s) => s['stage'])).toEqual(['received', 'sealed']);
    expect(stages[0]).toMatchObject({
      actor: 'officer-wang',
      facts: {
        matchedOrderNumber: value.orderNumber,
        carrier: value.carrier,
        trackingNumber: value.trackingNumber,
        condition: 'intact',
        parcelId: expect.any(String),
      },
    });
    expect(stages[1]).toMatchObject({
      actor: 'officer-wang',
      facts: {
        sampleCode: `${value.batchNumber}-S`,
        testSample: { sealNumber: 'FY2026-400001', units: 1 },
        backupSample: { sealNumber: 'FY2026-400002', units: 1 },
        workOrderNumber: `GD-${value.batchNumber}`,
        participants: { buyer: 1, 'enforcement-officer': 2, 'lab-staff': 2 },
      },
    });
    expect(stages[1]['evidence']).toEqual(
      expect.arrayContaining([
        { objectId: session.videoObjectId, kind: 'unboxing-video' },
        { objectId: sealed.body['workOrderObjectId'], kind: expect.any(String) },
      ]),
    );
    // The waybill photo shows the buyer's name, phone and address: its id only to who may open it.
    expect(JSON.stringify(stages[1]['evidence'])).not.toContain(session.waybillPhotoObjectId);
    const forAdmin = await view(value.batchNumber, await env.service.auth({ roles: ['admin'] }));
    expect((forAdmin.body['stages'] as Array<Record<string, unknown>>)[1]['evidence']).toEqual(
      expect.arrayContaining([{ objectId: session.waybillPhotoObjectId, kind: 'waybill-photo' }]),
    );
    for (const s of stages) expect(new Date(String(s['at'])).toISOString()).toBe(s['at']);
    expect(Date.parse(String(stages[1]['at']))).toBeGreaterThanOrEqual(Date.parse(String(stages[0]['at'])));
    const json = JSON.stringify(reply.body);
    for (const name of ['B-0012', '王明', '李华', '文三路']) expect(json).not.toContain(name);

    // An auditor may open the evidence too; a planner follows the stages without the evidence ids
    // (evidence readers only) and without the order number.
    const auditor = await view(value.batchNumber, await env.service.auth({ roles: ['auditor'], sub: 'a' }));
    expect((auditor.body['stages'] as Array<Record<string, unknown>>)[1]['evidence']).toEqual(
      stages[1]['evidence'],
    );
    const forPlanner = await view(value.batchNumber, planner);
    expect(forPlanner.status).toBe(200);
    const plannerStages = forPlanner.body['stages'] as Array<Record<string, unknown>>;
    expect(plannerStages.map((s) => s['stage'])).toEqual(['received', 'sealed']);
    expect(plannerStages[0]['facts']).not.toHaveProperty('matchedOrderNumber');
    expect(plannerStages[1]).not.toHaveProperty('evidence');
    expect(plannerStages[1]['facts']).toEqual(stages[1]['facts']);
    const plannerJson = JSON.stringify(forPlanner.body);
    for (const id of [session.videoObjectId, session.waybillPhotoObjectId, value.orderNumber])
      expect(plannerJson).not.toContain(id);
    for (const roles of [['approver'], ['admin']])
      expect((await view(value.batchNumber, await env.service.auth({ roles }))).status).toBe(200);
    // Ordered but no parcel admitted yet, and a number never seen: the same 404.
    const waiting = await orderPlaced();
    const notYet = await view(waiting.batchNumber, planner);
    const missing = await view('HZ1999-999999', planner);
    expect(notYet.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(Object.keys(notYet.body).sort()).toEqual(Object.keys(missing.body).sort());
    expect(JSON.stringify(notYet.body)).not.toContain(waiting.orderNumber);
    for (const roles of [['platform'], ['lab'], ['buyer'], ['enforcement-officer']])
      expect((await view(value.batchNumber, await env.service.auth({ roles }))).status).toBe(403);
  });
});
