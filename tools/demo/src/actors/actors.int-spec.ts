import { randomBytes } from 'node:crypto';
import { ObjectStoreConfig } from '@qis/config';
import { Topics, unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import { createObjectStoreClient, ensureEvidenceBucket } from '@qis/storage';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import type { Client } from 'minio';
import {
  ApiError,
  createActors,
  EventWatcher,
  evidenceFile,
  labReportPdf,
  PACKAGE_KINDS,
  persona,
  type Actors,
  type LabReport,
  type ListingRecord,
  type Participant,
  type TokenSource,
  videoClip,
} from './index';

jest.setTimeout(600_000);

const SERVICES = ['planning', 'purchasing', 'evidence', 'lab-gateway', 'enforcement', 'disclosure'] as const;
const CATEGORY = 'silk-quilt';
const STANDARD = 'GB/T 24252-2019';
const tag = randomBytes(3).toString('hex');
const creditCode = (body: string): string => `${body}${unifiedSocialCreditCheckCharacter(body)}`;
const utcNow = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, '.000Z');
const shanghaiToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Two silk quilts sold on taobao by Hangzhou sellers; the first has complaints and risky claims. */
const listings = (): ListingRecord[] =>
  [0, 1].map((i) => ({
    platform: 'taobao',
    listingId: `66${tag}${i}`,
    url: `https://item.taobao.com/item.htm?id=66${i}${tag}`,
    title: i === 0 ? '100%桑蚕丝被 限时秒杀 爆款 春秋被' : '蚕丝被 二合一 子母被',
    category: CATEGORY,
    brand: i === 0 ? `丝之源${tag}` : `锦绣${tag}`,
    specModel: '200×230cm',
    priceFen: i === 0 ? 29900 : 59900,
    monthlySales: 15230,
    stock: 880,
    ratingCount: 4200,
    badRatingRate: i === 0 ? 0.21 : 0.02,
    promotionalClaims: i === 0 ? ['限时秒杀', '爆款'] : [],
    shopName: i === 0 ? '丝之源家纺旗舰店' : '锦绣家纺专营店',
    shopUrl: `https://shop${i}${tag}.taobao.com`,
    sellerName: i === 0 ? '杭州丝之源家纺有限公司' : '杭州锦绣家纺有限公司',
    sellerEntityType: 'enterprise' as const,
    sellerCreditCode: creditCode(`91330106MA2CF0B${i}X`.slice(0, 17)),
    sellerAreaCode: '330106',
    sellerAddress: '浙江省杭州市西湖区文三路 1 号',
    operatorName: '浙江淘宝网络有限公司',
    operatorAreaCode: '330110',
    observedAt: '2026-03-01T02:30:00Z',
  }));

/**
 * One batch through the six services as built processes, driven only by the actors library (HTTP
 * and Kafka, never a database): listing import → plan → issue → purchase with evidence → intake,
 * unpacking and sealing (a sealing with one officer refused first) → lab report → result notices.
 */
describe('demo actors drive one batch through all six services', () => {
  const processes: ServiceProcess[] = [];
  const databases: Array<{ drop(): Promise<void> }> = [];
  const bucket = `qis-test-demo-${randomBytes(5).toString('hex')}`;
  let minio: Client;
  let watcher: EventWatcher;
  let actors: Actors;
  const issuer = TestIssuer.shared();
  const tokens: TokenSource = (claims) => issuer.sign(claims);
  /** What the first test leaves for the second: the batch, its seller. */
  const flow: { batchNumber?: string; sellerName?: string } = {};

  beforeAll(async () => {
    minio = createObjectStoreClient(Object.assign(new ObjectStoreConfig(), process.env) as ObjectStoreConfig);
    await ensureEvidenceBucket(minio, bucket, {
      region: process.env['MINIO_REGION'] ?? 'us-east-1',
      retentionYears: 2,
      mode: 'GOVERNANCE',
    });
    const ports = Object.fromEntries(
      await Promise.all(SERVICES.map(async (s) => [s, await freePort()] as const)),
    );
    const url = (s: (typeof SERVICES)[number]) => `http://127.0.0.1:${ports[s]}`;
    const extra: Record<string, Record<string, string>> = {
      purchasing: { EVIDENCE_URL: url('evidence'), PURCHASING_SCHEDULER_INTERVAL_MS: '2000' },
      evidence: { EVIDENCE_BUCKET: bucket, EVIDENCE_LOCK_MODE: 'GOVERNANCE', EVIDENCE_PART_SIZE_MB: '5' },
      'lab-gateway': { EVIDENCE_URL: url('evidence') },
      enforcement: { DEADLINE_SCAN_INTERVAL_MS: '3600000' },
    };
    for (const name of SERVICES) {
      const db = await createTestDatabase(name.replace('-', '_'));
      databases.push(db);
      processes.push(
        spawnService(name, {
          DB_NAME: db.name,
          HTTP_PORT: String(ports[name]),
          LOG_LEVEL: 'warn',
          ...extra[name],
        }),
      );
    }
    await Promise.all(processes.map((p) => waitForReady(p, 120_000)));
    watcher = await EventWatcher.start({
      topics: [
        Topics.BatchIssued,
        Topics.OrderPlaced,
        Topics.ParcelReceived,
        Topics.SampleSealed,
        Topics.SampleDispatched,
        Topics.ReportIssued,
        Topics.ResultNotified,
        Topics.ResultFinal,
        Topics.CaseRouted,
        Topics.CaseClosed,
        Topics.ResultPublished,
      ],
    });
    actors = createActors(
      {
        planning: url('planning'),
        purchasing: url('purchasing'),
        evidence: url('evidence'),
        labGateway: url('lab-gateway'),
        enforcement: url('enforcement'),
        disclosure: url('disclosure'),
      },
      tokens,
    );
  });

  afterAll(async () => {
    await watcher?.stop();
    await Promise.all(processes.map((p) => p.stop()));
    for (const db of databases) await db.drop().catch(() => undefined);
    if (!minio) return;
    const versions: Array<{ name: string; versionId: string }> = [];
    for await (const item of minio.listObjects(bucket, '', true, { IncludeVersion: true }) as AsyncIterable<{
      name: string;
      versionId?: string | null;
    }>)
      versions.push({ name: item.name, versionId: item.versionId ?? 'null' });
    for (const v of versions)
      await minio.removeObject(bucket, v.name, { versionId: v.versionId, governanceBypass: true });
    await minio.removeBucket(bucket);
  });

  it('takes a batch from listing import to report-issued and its first result notice', async () => {
    const { planning, purchasing, evidence, lab, enforcement } = actors;
    const planner = persona.planner();
    const approver = persona.approver();
    const admin = persona.admin();
    const purchasingAdmin = persona.purchasingAdmin();
    const officer = persona.intakeOfficer();

    // Set-up: a lab for silk quilts, its catalogue, a qualified buyer with a taobao account, addresses.
    const registered = await lab.registerLab(admin, {
      name: '浙江示例纺织品检测研究院',
      address: '浙江省杭州市西湖区示例路1号',
      cmaNumber: `CMA${tag}01`,
      cmaExpiresOn: '2030-12-31',
      qualificationLevel: 3,
      scopes: [{ category: CATEGORY, standards: [STANDARD] }],
      capacity: 50,
      turnaroundWorkingDays: 10,
    });
    await lab.setTestItems(admin, CATEGORY, [
      { item: '纤维含量', mandatory: true },
      { item: '质量偏差率', mandatory: true },
      { item: '杂质含量', mandatory: false },
    ]);
    const buyerUserId = `buyer-${tag}`;
    const buyer = await purchasing.registerBuyer(purchasingAdmin, {
      userId: buyerUserId,
      realName: '周晓梅',
      idNumber: '330106199203154321',
      phone: '13900001234',
    });
    const qualified = await purchasing.qualifyBuyer(purchasingAdmin, buyer.id, {
      commitmentSignedOn: '2026-01-05',
      commitmentEvidenceId: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
      trainingCompletedOn: '2026-01-06',
    });
    expect(qualified.qualified).toBe(true);
    await purchasing.addAccount(purchasingAdmin, buyer.id, {
      platform: 'taobao',
      accountName: `tb_${tag}`,
      alias: 'TB-01',
    });
    await purchasing.addAddress(purchasingAdmin, {
      label: 'HZ-01',
      areaCode: '330110',
      relay: false,
      recipientName: '周女士',
      phone: '13700001111',
      addressLine: '浙江省杭州市余杭区文一西路 100 号',
    });
    await purchasing.addAddress(purchasingAdmin, {
      label: 'SH-relay-01',
      areaCode: '310115',
      relay: true,
      recipientName: '陈先生',
      phone: '13700002222',
      addressLine: '上海市浦东新区张江路 8 号 中转仓',
    });

    // Planning: import, a complaint, a plan approved by another person, selection, issue.
    const imported = await planning.importListings(planner, listings());
    expect(imported).toMatchObject({ received: 2, accepted: 2, rejected: 0 });
    const [risky] = listings();
    const signal = await planning.recordSignal(planner, {
      kind: 'complaint',
      source: 'zj-12315',
      externalId: `C${tag}`,
      platform: 'taobao',
      listingId: risky?.listingId,
      sellerName: risky?.sellerName,
      category: CATEGORY,
      summary: '消费者投诉蚕丝被实为化纤填充',
      receivedAt: '2026-02-20T03:00:00Z',
    });
    expect(signal.created).toBe(true);
    const plan = await planning.createPlan(planner, {
      kind: 'routine',
      title: `2026 年蚕丝被网络抽检 ${tag}`,
      seed: `demo-${tag}`,
      randomShare: 0.05,
      scheme: {
        categories: [
          {
            category: CATEGORY,
            quota: 1,
            riskWeight: 0.8,
            unitPriceCapFen: 150000,
            testUnits: 1,
            backupUnits: 1,
            testStandards: [STANDARD],
            testItems: ['纤维含量', '质量偏差率'],
          },
        ],
        budgetFen: 1_000_000,
        platforms: ['taobao'],
        judgmentRules: '依据 GB/T 24252-2019 判定',
        resultNotification: '检验结果于 5 个工作日内书面通知',
        reinspection: '异议 15 日内书面申请复检',
        contacts: [{ name: '陈工', phone: '0571-88000000' }],
      },
    });
    expect(plan.status).toBe('draft');
    expect((await planning.submitPlan(planner, plan.id)).status).toBe('submitted');
    const refused = await planning
      .approvePlan(persona.approver(planner.sub), plan.id)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
    expect((await planning.approvePlan(approver, plan.id)).approvedBy).toBe(approver.sub);
    const selection = await planning.runSelection(planner, plan.id);
    expect(selection.listings).toHaveLength(1);
    const issued = await planning.issue(planner, plan.id);
    expect(issued).toHaveLength(1);
    const batchNumber = issued[0]?.batchNumber as string;
    const batchIssued = await watcher.waitForBatch<{ listing: { url: string } }>(
      Topics.BatchIssued,
      batchNumber,
    );
    const listing = listings().find((l) => l.url === batchIssued.value.listing.url) as ListingRecord;
    expect(listing).toBeDefined();

    // Purchasing: the task is assigned to the buyer, who buys, records evidence and ships.
    const buyerClaims = persona.buyer(buyerUserId);
    const task = await expectEventually(
      async () => {
        const [mine] = await purchasing.tasks(buyerClaims, 'assigned');
        expect(mine?.batchNumber).toBe(batchNumber);
        return mine;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const delivery = await purchasing.delivery(buyerClaims, batchNumber);
    expect(delivery.platform).toBe('taobao');
    const items = [];
    for (const kind of PACKAGE_KINDS) {
      // The screen recording is above the 5 MiB part size: it goes up in presigned parts.
      const file = evidenceFile(kind, batchNumber);
      if (kind === 'purchase-screen-recording') file.data = videoClip('买样录屏', 6 * 1024);
      const stored = await evidence.upload(buyerClaims, file);
      expect(stored).toMatchObject({ status: 'stored', kind, batchNumber });
      items.push({ kind, objectId: stored.id });
    }
    const orderNumber = `3958${Date.now()}`.slice(0, 19);
    await purchasing.recordPurchase(buyerClaims, batchNumber, {
      seller: {
        name: listing.sellerName,
        entityType: 'enterprise',
        unifiedSocialCreditCode: listing.sellerCreditCode,
        registeredAreaCode: listing.sellerAreaCode,
        registeredAddress: listing.sellerAddress,
        shopName: listing.shopName,
        shopUrl: listing.shopUrl,
      },
      platform: {
        code: 'taobao',
        name: '淘宝',
        url: 'https://www.taobao.com',
        operatorName: listing.operatorName,
        operatorRegisteredAreaCode: listing.operatorAreaCode,
      },
      productName: listing.title,
      productUrl: listing.url,
      monthlySales: listing.monthlySales,
      stock: listing.stock,
      transactionSteps: ['打开商品链接并录屏', '咨询客服', '下单 2 件', '支付'],
      orderNumber,
      orderedAt: utcNow(),
      unitPriceFen: listing.priceFen,
      shippingFeeFen: 0,
      totalPaidFen: listing.priceFen * 2,
      quantity: task?.quantity ?? { testUnits: 1, backupUnits: 1 },
      evidence: items,
    });
    expect((await purchasing.complete(buyerClaims, batchNumber)).status).toBe('purchased');
    const trackingNumber = `YT${Date.now()}`;
    expect(
      (await purchasing.ship(buyerClaims, batchNumber, { carrier: '圆通速递', trackingNumber })).status,
    ).toBe('shipped');
    const order = await watcher.waitForBatch<{ orderNumber: string; trackingNumber: string }>(
      Topics.OrderPlaced,
      batchNumber,
    );
    expect(order.value).toMatchObject({ orderNumber, trackingNumber });
    expect(JSON.stringify(order.value)).not.toContain('周晓梅');

    // Evidence: intake (once evidence has the order), unpacking, a sealing with one officer refused, sealing.
    const parcel = await expectEventually(
      async () => {
        const received = await evidence.receiveParcel(officer, {
          carrier: '圆通速递',
          trackingNumber,
          condition: 'intact',
        });
        expect(received.status).toBe('admitted');
        return received;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(parcel.batchNumber).toBe(batchNumber);
    await watcher.waitForBatch(Topics.ParcelReceived, batchNumber);
    const video = await evidence.upload(officer, evidenceFile('unboxing-video', batchNumber));
    const waybill = await evidence.upload(officer, evidenceFile('waybill-photo', batchNumber));
    const photo = await evidence.upload(officer, evidenceFile('sample-photo', batchNumber));
    const participants: Participant[] = [
      { role: 'buyer', name: buyer.pseudonym },
      { role: 'enforcement-officer', name: '王明' },
      { role: 'enforcement-officer', name: '张强' },
      { role: 'lab-staff', name: '李华' },
      { role: 'lab-staff', name: '赵敏' },
    ];
    const session = await evidence.openUnpacking(officer, {
      parcelId: parcel.id,
      participants,
      videoObjectId: video.id,
      waybillPhotoObjectId: waybill.id,
      photoObjectIds: [photo.id],
      claimed: {
        sampleName: '桑蚕丝被',
        brand: listing.brand,
        producerName: '湖州示例丝绸有限公司',
        producerAddress: '浙江省湖州市吴兴区示例路 8 号',
        productStandard: STANDARD,
        specModel: listing.specModel,
        productionDate: '2026-01-15',
        hasCertificate: true,
      },
    });
    const signatures = participants
      .filter((p) => p.role !== 'buyer')
      .map((p) => ({ ...p, signedAt: utcNow() }));
    const sealing = {
      category: CATEGORY,
      testSample: { sealNumber: `FY2026-${tag.toUpperCase()}1`, units: 1 },
      backupSample: { sealNumber: `FY2026-${tag.toUpperCase()}2`, units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
    };
    const tooFew = await evidence
      .seal(officer, session.id, { ...sealing, signatures: signatures.filter((s) => s.name !== '张强') })
      .catch((e: unknown) => e);
    expect(tooFew).toBeInstanceOf(ApiError);
    expect((tooFew as ApiError).status).toBe(422);
    expect((tooFew as ApiError).errors).toEqual([
      { field: 'signatures', reasons: ['needs at least 2 enforcement officers, got 1'] },
    ]);
    const sealed = await evidence.seal(officer, session.id, { ...sealing, signatures });
    expect(sealed.sampleCode).toBe(`${batchNumber}-S`);
    await watcher.waitForBatch(Topics.SampleSealed, batchNumber);
    const labels = await evidence.labels(officer, sealed.sampleCode);
    expect(labels.subarray(0, 5).toString()).toBe('%PDF-');

    // Lab: dispatched to the only qualified lab, accepted, progress, the signed PDF, the report.
    const dispatched = await watcher.waitForBatch<{ labId: string }>(Topics.SampleDispatched, batchNumber);
    expect(dispatched.value.labId).toBe(registered.id);
    const labClaims = persona.lab(registered.id);
    const assignment = (await lab.assignments(labClaims)).items.find((a) => a.batchNumber === batchNumber);
    expect(assignment).toMatchObject({ status: 'dispatched', sampleCode: sealed.sampleCode });
    const assignmentId = assignment?.id as string;
    expect((await lab.accept(labClaims, assignmentId)).status).toBe('accepted');
    await lab.progress(labClaims, assignmentId, 'testing', '纤维含量测试中');
    const today = shanghaiToday();
    const report: Omit<LabReport, 'reportDocumentId'> = {
      reportNumber: `ZJFZ2026-W-${tag}`,
      sample: {
        sampleCode: sealed.sampleCode,
        conditionOnReceipt: '封样完好，包装无破损',
        receivedOn: today,
      },
      testedFrom: today,
      testedTo: today,
      items: [
        {
          item: '纤维含量',
          standard: `${STANDARD} 5.2`,
          requirement: '桑蚕丝 100%',
          measuredValue: '62.3',
          unit: '%',
          verdict: 'fail',
        },
        {
          item: '质量偏差率',
          standard: `${STANDARD} 5.3`,
          requirement: '≥ -5.0',
          measuredValue: '-2.1',
          unit: '%',
          verdict: 'pass',
        },
      ],
      verdict: 'fail',
      failingItems: ['纤维含量'],
      authorisedBy: '王工',
      authorisedTitle: '授权签字人',
      issuedAt: utcNow(),
    };
    const pdf = await labReportPdf({ labName: registered.name, batchNumber, sampleName: '桑蚕丝被', report });
    const document = await evidence.upload(labClaims, {
      kind: 'lab-report',
      batchNumber,
      contentType: 'application/pdf',
      data: pdf,
      fileName: `${report.reportNumber}.pdf`,
    });
    const receipt = await lab.submitReport(labClaims, assignmentId, {
      ...report,
      reportDocumentId: document.id,
    });
    expect(receipt).toMatchObject({ batchNumber, verdict: 'fail', failingItems: ['纤维含量'] });
    const issuedReport = await watcher.waitForBatch<{ verdict: string }>(Topics.ReportIssued, batchNumber);
    expect(issuedReport.value.verdict).toBe('fail');

    // Enforcement: the result notices (seller, producer, platform) due in 5 working days; delivered.
    const enforcementOfficer = persona.enforcementOfficer('330100');
    const notices = await expectEventually(
      async () => {
        const found = (await enforcement.notices(enforcementOfficer, batchNumber)).filter(
          (n) => n.kind === 'result',
        );
        expect(found.map((n) => n.recipient).sort()).toEqual(['platform', 'producer', 'seller']);
        return found;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(notices.every((n) => n.dueAt !== null && n.channel !== 'public-notice')).toBe(true);
    // Received 20 days ago (deliveries may be back-dated; nothing else moves enforcement's clock):
    // the 15-day objection window is over, which the next deadline scan acts on.
    const sentAt = new Date(Date.now() - 20 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '.000Z');
    for (const notice of notices) {
      const delivered = await enforcement.recordDelivery(enforcementOfficer, notice.id, {
        sentAt,
        receivedAt: sentAt,
      });
      expect(delivered.receivedAt).toBe(sentAt);
    }
    const notified = await watcher.waitForBatch<{ deliveries: unknown[] }>(
      Topics.ResultNotified,
      batchNumber,
    );
    expect(notified.value.deliveries).toHaveLength(3);
    flow.batchNumber = batchNumber;
    flow.sellerName = listing.sellerName;
  });

  it('makes the unobjected failure final on the deadline scan, routes it, closes the case and publishes it', async () => {
    const { enforcement } = actors;
    const { batchNumber, sellerName } = flow as Required<typeof flow>;
    expect(batchNumber).toBeDefined();
    await enforcement.scanDeadlines(persona.admin());
    const final = await watcher.waitForBatch<{ basis: string; verdict: string }>(
      Topics.ResultFinal,
      batchNumber,
    );
    expect(final.value).toMatchObject({ basis: 'no-objection', verdict: 'fail' });
    await watcher.waitForBatch(Topics.CaseRouted, batchNumber);

    // A platform sale goes to the bureau of the platform operator's district (余杭, 330110).
    const officer = persona.enforcementOfficer('330110');
    const found = (await enforcement.cases(officer)).find((c) => c.batchNumber === batchNumber);
    expect(found).toMatchObject({ rule: 'platform-operator-address', authority: { areaCode: '330110' } });
    const caseId = found?.id as string;
    expect((await enforcement.acceptCase(officer, caseId)).status).toBe('accepted');
    expect((await enforcement.investigateCase(officer, caseId)).status).toBe('investigating');
    const closed = await enforcement.closeCase(officer, caseId, {
      outcomes: ['takedown-confirmed', 'rectification'],
      summary: '平台已下架涉案商品，责令经营者整改',
    });
    expect(closed.status).toBe('closed');
    await watcher.waitForBatch(Topics.CaseClosed, batchNumber);

    const disclosure = actors.disclosure;
    if (!disclosure) throw new Error('createActors was given the disclosure URL');
    const published = await expectEventually(
      async () => {
        const page = await disclosure.results({ q: sellerName, verdict: 'fail' });
        expect(page.items).toHaveLength(1);
        return page.items[0];
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(published).toMatchObject({ sellerName, verdict: 'fail', mainNonconformingItems: ['纤维含量'] });
  });
});
