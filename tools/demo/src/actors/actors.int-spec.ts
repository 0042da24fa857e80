import { randomBytes } from 'node:crypto';
import { Topics, unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { startPipelineStack, type PipelineStack } from '../testing/pipeline-stack';
import {
  ApiError,
  EventWatcher,
  evidenceFile,
  labReportPdf,
  PACKAGE_KINDS,
  persona,
  PlatformFeed,
  type Actors,
  type Lab,
  type LabReport,
  type ListingRecord,
  type Notice,
  type Participant,
  videoClip,
} from './index';

jest.setTimeout(600_000);

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
 * Batches through the six services as built processes, driven only by the actors library (HTTP
 * and Kafka, never a database): listing import → plan → issue → purchase with evidence → intake,
 * unpacking and sealing (a sealing with one officer refused first) → lab report → result notices
 * → finality, routing, case, publication; and an objection whose re-inspection overturns a failure.
 */
describe('demo actors drive batches through all six services', () => {
  let stack: PipelineStack;
  let watcher: EventWatcher;
  let actors: Actors;
  const labs: Lab[] = [];
  let buyer: { userId: string; pseudonym: string };
  const planner = persona.planner();
  const approver = persona.approver();
  const admin = persona.admin();
  const purchasingAdmin = persona.purchasingAdmin();
  const intakeOfficer = persona.intakeOfficer();
  const cityOfficer = persona.enforcementOfficer('330100');
  /** What the first test leaves for the second: the batch, its seller. */
  const flow: { batchNumber?: string; sellerName?: string } = {};

  beforeAll(async () => {
    stack = await startPipelineStack({ purchasing: { PURCHASING_SCHEDULER_INTERVAL_MS: '2000' } });
    actors = stack.actors;
    watcher = await EventWatcher.start({
      topics: [
        Topics.BatchIssued,
        Topics.OrderPlaced,
        Topics.ParcelReceived,
        Topics.SampleSealed,
        Topics.SampleDispatched,
        Topics.ReportIssued,
        Topics.ResultNotified,
        Topics.ObjectionFiled,
        Topics.ReinspectionRequested,
        Topics.ResultFinal,
        Topics.CaseRouted,
        Topics.CaseClosed,
      ],
    });

    // Two labs for silk quilts (re-inspection goes to the other one), the catalogue, a qualified
    // buyer with taobao accounts, a local and a relay address.
    for (const level of [3, 4])
      labs.push(
        await actors.lab.registerLab(admin, {
          name: `浙江示例纺织品检测研究院 ${level} 号`,
          address: '浙江省杭州市西湖区示例路1号',
          cmaNumber: `CMA${tag}0${level}`,
          cmaExpiresOn: '2030-12-31',
          qualificationLevel: level,
          scopes: [{ category: CATEGORY, standards: [STANDARD] }],
          capacity: 50,
          turnaroundWorkingDays: 10,
          contract: {
            contractNumber: `WT${tag}0${level}`,
            validFrom: '2026-01-01',
            validTo: '2030-12-31',
            turnaroundWorkingDays: 10,
            categories: [{ category: CATEGORY, priceFen: 120_000 }],
          },
        }),
      );
    await actors.lab.setTestItems(admin, CATEGORY, [
      { item: '纤维含量', mandatory: true },
      { item: '质量偏差率', mandatory: true },
      { item: '杂质含量', mandatory: false },
    ]);
    const { purchasing } = actors;
    const userId = `buyer-${tag}`;
    const registered = await purchasing.registerBuyer(purchasingAdmin, {
      userId,
      realName: '周晓梅',
      idNumber: '330106199203154321',
      phone: '13900001234',
    });
    const qualified = await purchasing.qualifyBuyer(purchasingAdmin, registered.id, {
      commitmentSignedOn: '2026-01-05',
      commitmentEvidenceId: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d',
      trainingCompletedOn: '2026-01-06',
    });
    expect(qualified.qualified).toBe(true);
    // Two accounts and two addresses: a seller never sees the same account or address twice in a row.
    for (const n of [1, 2])
      await purchasing.addAccount(purchasingAdmin, registered.id, {
        platform: 'taobao',
        accountName: `tb_${tag}_${n}`,
        alias: `TB-0${n}`,
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
    buyer = { userId, pseudonym: registered.pseudonym };
  });

  afterAll(async () => {
    await watcher?.stop();
    await stack?.stop();
  });

  /** A routine plan of one silk-quilt batch, four eyes, selected and issued: the batch and its listing. */
  async function issueOneBatch(seed: string): Promise<{ batchNumber: string; listing: ListingRecord }> {
    const { planning } = actors;
    const plan = await planning.createPlan(planner, {
      kind: 'routine',
      title: `2026 年蚕丝被网络抽检 ${seed}`,
      seed,
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
    // Four eyes: the author (who submitted it) may not approve it, whatever their roles (409, rule four-eyes).
    expect((refused as ApiError).status).toBe(409);
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
    return { batchNumber, listing };
  }

  /** The assigned buyer buys, uploads the evidence package, completes and ships: the tracking number. */
  async function buyAndShip(batchNumber: string, listing: ListingRecord): Promise<string> {
    const { purchasing, evidence } = actors;
    const buyerClaims = persona.buyer(buyer.userId);
    const task = await expectEventually(
      async () => {
        const mine = (await purchasing.tasks(buyerClaims, 'assigned')).find(
          (t) => t.batchNumber === batchNumber,
        );
        expect(mine).toBeDefined();
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
    return trackingNumber;
  }

  /** Intake, unpacking and sealing; optionally a sealing signed by one officer refused first. */
  async function intakeAndSeal(
    batchNumber: string,
    listing: ListingRecord,
    trackingNumber: string,
    options: { refuseOneOfficerFirst?: boolean } = {},
  ): Promise<string> {
    const { evidence } = actors;
    // Admitted once evidence has consumed the order (earlier attempts are kept as quarantined).
    const parcel = await expectEventually(
      async () => {
        const received = await evidence.receiveParcel(intakeOfficer, {
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
    // Above the stack's 5 MiB part size: the actor declares each part (size, SHA-256) and PUTs it.
    const videoFile = {
      ...evidenceFile('unboxing-video', batchNumber),
      data: randomBytes(6 * 1024 * 1024 + 7),
    };
    const video = await evidence.upload(intakeOfficer, videoFile);
    expect(video).toMatchObject({ status: 'stored', size: videoFile.data.length });
    const waybill = await evidence.upload(intakeOfficer, evidenceFile('waybill-photo', batchNumber));
    const photo = await evidence.upload(intakeOfficer, evidenceFile('sample-photo', batchNumber));
    // The buyer is named by the evidence service's pseudonym of the batch's buyer, looked up, not typed.
    const { pseudonym } = await evidence.call<{ pseudonym: string }>(
      intakeOfficer,
      'GET',
      `/batches/${batchNumber}/buyer`,
    );
    const participants: Participant[] = [
      { role: 'buyer', name: pseudonym },
      { role: 'enforcement-officer', name: '王明' },
      { role: 'enforcement-officer', name: '张强' },
      { role: 'lab-staff', name: '李华' },
      { role: 'lab-staff', name: '赵敏' },
    ];
    const session = await evidence.openUnpacking(intakeOfficer, {
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
    const seal = batchNumber.replace(/^[A-Z]+/, 'FY');
    const sealing = {
      category: CATEGORY,
      testSample: { sealNumber: `${seal}-1`, units: 1 },
      backupSample: { sealNumber: `${seal}-2`, units: 1 },
      backupStorageLocation: '市局样品室 A-03-2',
    };
    if (options.refuseOneOfficerFirst) {
      const tooFew = await evidence
        .seal(intakeOfficer, session.id, {
          ...sealing,
          signatures: signatures.filter((s) => s.name !== '张强'),
        })
        .catch((e: unknown) => e);
      expect(tooFew).toBeInstanceOf(ApiError);
      expect((tooFew as ApiError).status).toBe(422);
      expect((tooFew as ApiError).errors).toEqual([
        { field: 'signatures', reasons: ['needs at least 2 enforcement officers, got 1'] },
      ]);
    }
    const sealed = await evidence.seal(intakeOfficer, session.id, { ...sealing, signatures });
    expect(sealed.sampleCode).toBe(`${batchNumber}-S`);
    await watcher.waitForBatch(Topics.SampleSealed, batchNumber);
    const labels = await evidence.labels(intakeOfficer, sealed.sampleCode);
    expect(labels.subarray(0, 5).toString()).toBe('%PDF-');
    return sealed.sampleCode;
  }

  /** The dispatched lab accepts, reports progress, uploads the signed PDF and reports `verdict`. */
  async function labReports(
    batchNumber: string,
    sampleCode: string,
    purpose: 'initial' | 're-inspection',
    verdict: 'pass' | 'fail',
  ): Promise<Lab> {
    const { lab, evidence } = actors;
    const dispatched = await watcher.waitFor<{ batchNumber: string; labId: string; purpose: string }>(
      Topics.SampleDispatched,
      (v) => v.batchNumber === batchNumber && v.purpose === purpose,
    );
    const tested = labs.find((l) => l.id === dispatched.value.labId) as Lab;
    expect(tested).toBeDefined();
    const labClaims = persona.lab(tested.id);
    const assignment = (await lab.assignments(labClaims)).items.find(
      (a) => a.batchNumber === batchNumber && a.purpose === purpose,
    );
    expect(assignment).toMatchObject({ status: 'dispatched', sampleCode });
    const assignmentId = assignment?.id as string;
    expect((await lab.accept(labClaims, assignmentId)).status).toBe('accepted');
    await lab.progress(labClaims, assignmentId, 'testing', '纤维含量测试中');
    const today = shanghaiToday();
    const fibre =
      verdict === 'fail'
        ? { measuredValue: '62.3', verdict: 'fail' as const }
        : { measuredValue: '100.0', verdict: 'pass' as const };
    const report: Omit<LabReport, 'reportDocumentId'> = {
      reportNumber: `ZJFZ2026-${purpose === 'initial' ? 'W' : 'R'}-${batchNumber.slice(-6)}`,
      sample: { sampleCode, conditionOnReceipt: '封样完好，包装无破损', receivedOn: today },
      testedFrom: today,
      testedTo: today,
      items: [
        { item: '纤维含量', standard: `${STANDARD} 5.2`, requirement: '桑蚕丝 100%', unit: '%', ...fibre },
        {
          item: '质量偏差率',
          standard: `${STANDARD} 5.3`,
          requirement: '≥ -5.0',
          measuredValue: '-2.1',
          unit: '%',
          verdict: 'pass',
        },
      ],
      verdict,
      failingItems: verdict === 'fail' ? ['纤维含量'] : [],
      authorisedBy: '王工',
      authorisedTitle: '授权签字人',
      issuedAt: utcNow(),
    };
    const pdf = await labReportPdf({ labName: tested.name, batchNumber, sampleName: '桑蚕丝被', report });
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
    expect(receipt).toMatchObject({ batchNumber, verdict, failingItems: report.failingItems });
    const issuedReport = await watcher.waitFor<{
      batchNumber: string;
      reportNumber: string;
      verdict: string;
    }>(Topics.ReportIssued, (v) => v.batchNumber === batchNumber && v.reportNumber === report.reportNumber);
    expect(issuedReport.value.verdict).toBe(verdict);
    return tested;
  }

  /** The batch's notices of a kind once there are `count` of them. */
  const noticesOf = (batchNumber: string, kind: Notice['kind'], count: number): Promise<Notice[]> =>
    expectEventually(
      async () => {
        const found = (await actors.enforcement.notices(cityOfficer, batchNumber)).filter(
          (n) => n.kind === kind,
        );
        expect(found).toHaveLength(count);
        return found;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

  /** Every result notice of the batch sent and received now (enforcement's clock); result-notified follows. */
  async function deliverResultNotices(batchNumber: string): Promise<Notice[]> {
    const notices = await noticesOf(batchNumber, 'result', 3);
    // Read the clock once the notices exist: a time read before they were issued precedes their issue.
    const at = await enforcementNow();
    expect(notices.map((n) => n.recipient).sort()).toEqual(['platform', 'producer', 'seller']);
    expect(notices.every((n) => n.dueAt !== null && n.channel !== 'public-notice')).toBe(true);
    for (const notice of notices) {
      const delivered = await actors.enforcement.recordDelivery(cityOfficer, notice.id, {
        sentAt: at,
        receivedAt: at,
      });
      expect(delivered.receivedAt).toBe(at);
    }
    const notified = await watcher.waitForBatch<{ deliveries: unknown[] }>(
      Topics.ResultNotified,
      batchNumber,
    );
    expect(notified.value.deliveries).toHaveLength(3);
    return notices;
  }

  /** Now on enforcement's clock, which its records are checked against (never back-dated). */
  const enforcementNow = async (): Promise<string> => (await actors.enforcement.clock(persona.admin())).now;

  it('takes a batch from listing import to report-issued and its first result notice', async () => {
    const { planning } = actors;
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
    // A platform's feed over Kafka: one more listing (another category, so the plan leaves it).
    const feed = await PlatformFeed.connect();
    const fed = `77${tag}`;
    try {
      await feed.publishListings([
        {
          platform: 'taobao',
          listingId: fed,
          url: `https://item.taobao.com/item.htm?id=${fed}`,
          title: '公牛插线板 超低价',
          category: 'power-strip',
          brand: '公牛',
          priceFen: 1990,
          promotionalClaims: ['超低价'],
          seller: {
            name: '杭州电工器材有限公司',
            entityType: 'enterprise',
            unifiedSocialCreditCode: creditCode('91330105MA2CF0C2X'),
            registeredAreaCode: '330105',
            shopName: '电工器材专营店',
            shopUrl: `https://shop${fed}.taobao.com`,
          },
          operator: {
            code: 'taobao',
            name: '淘宝',
            url: 'https://www.taobao.com',
            operatorName: '浙江淘宝网络有限公司',
            operatorRegisteredAreaCode: '330110',
          },
          observedAt: '2026-03-01T02:30:00Z',
        },
      ]);
    } finally {
      await feed.disconnect();
    }
    const seen = await expectEventually(() => planning.listing(planner, 'taobao', fed), {
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    expect(seen).toMatchObject({ title: '公牛插线板 超低价' });

    const { batchNumber, listing } = await issueOneBatch(`demo-${tag}`);
    const trackingNumber = await buyAndShip(batchNumber, listing);
    const sampleCode = await intakeAndSeal(batchNumber, listing, trackingNumber, {
      refuseOneOfficerFirst: true,
    });
    await labReports(batchNumber, sampleCode, 'initial', 'fail');
    // Received now: the 15-day objection window runs until enforcement's clock is moved past it
    // (after the objection test below, which needs its own window open).
    await deliverResultNotices(batchNumber);
    flow.batchNumber = batchNumber;
    flow.sellerName = listing.sellerName;
  });

  it('lets a seller object in time; the re-inspection at another lab passes and replaces the failure', async () => {
    const { enforcement } = actors;
    const { batchNumber, listing } = await issueOneBatch(`demo-${tag}-2`);
    const trackingNumber = await buyAndShip(batchNumber, listing);
    const sampleCode = await intakeAndSeal(batchNumber, listing, trackingNumber);
    const first = await labReports(batchNumber, sampleCode, 'initial', 'fail');
    await deliverResultNotices(batchNumber);

    const objection = await enforcement.fileObjection(cityOfficer, batchNumber, {
      applicantRole: 'seller',
      applicantName: listing.sellerName,
      applicantUnifiedSocialCreditCode: listing.sellerCreditCode,
      filedAt: await enforcementNow(),
      grounds: '对纤维含量检验结果有异议，申请复检',
      materials: {
        noticeReceipt: 'received',
        writtenApplication: 'received',
        proofOfStanding: 'received',
        powerOfAttorney: 'received',
        authorisedPersonId: 'received',
      },
    });
    expect(objection.status).toBe('filed');
    await watcher.waitForBatch(Topics.ObjectionFiled, batchNumber);
    const approved = await enforcement.decideObjection(approver, objection.id, {
      approve: true,
      reason: '申请材料齐全，同意复检',
    });
    expect(approved.status).toBe('approved');
    const requested = await watcher.waitForBatch<{ originalLabId: string; sampleRole: string }>(
      Topics.ReinspectionRequested,
      batchNumber,
    );
    expect(requested.value).toMatchObject({ originalLabId: first.id, sampleRole: 'backup' });

    // The lab's dispatch issues the 《复检机构确定通知书》; the procedures count from the applicant's
    // receipt of it (pending until then); then the other lab reports a pass.
    await watcher.waitFor<{ batchNumber: string; purpose: string }>(
      Topics.SampleDispatched,
      (v) => v.batchNumber === batchNumber && v.purpose === 're-inspection',
    );
    const withLab = await expectEventually(async () => {
      const current = await enforcement.objection(approver, objection.id);
      expect(current.labNotifiedAt).toBeTruthy();
      return current;
    });
    expect(withLab).toMatchObject({ completeBy: null, proceduresPeriod: 'awaiting-receipt' });
    const toApplicant = (await enforcement.labNotices(approver, objection.id)).find(
      (n) => n.recipient === 'applicant' && !n.supersededAt,
    )!;
    const handedOver = await enforcementNow();
    const received = await enforcement.recordLabNoticeDelivery(cityOfficer, objection.id, toApplicant.id, {
      channel: 'in-person',
      sentAt: handedOver,
      receivedAt: handedOver,
      receivedBy: toApplicant.recipientName,
    });
    expect(received.receivedAt).toBe(handedOver);
    const running = await enforcement.objection(approver, objection.id);
    expect(running).toMatchObject({ labNoticeReceivedAt: handedOver, proceduresPeriod: 'running' });
    expect(running.completeBy).not.toBeNull();
    expect(
      (await enforcement.completeProcedures(cityOfficer, objection.id, await enforcementNow())).status,
    ).toBe('re-inspecting');
    const second = await labReports(batchNumber, sampleCode, 're-inspection', 'pass');
    expect(second.id).not.toBe(first.id);

    const final = await watcher.waitForBatch<{ basis: string; verdict: string }>(
      Topics.ResultFinal,
      batchNumber,
    );
    expect(final.value).toMatchObject({ basis: 're-inspection', verdict: 'pass' });
    expect((await enforcement.objection(approver, objection.id)).status).toBe('completed');
    const renotified = await noticesOf(batchNumber, 'reinspection-result', 2);
    expect(renotified.map((n) => n.recipient).sort()).toEqual(['platform', 'seller']);
    const disclosure = actors.disclosure;
    if (!disclosure) throw new Error('createActors was given the disclosure URL');
    await expectEventually(
      async () => {
        const page = await disclosure.results({ q: listing.sellerName, verdict: 'pass' });
        expect(page.items.map((r) => r.sellerName)).toContain(listing.sellerName);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  });

  it('makes the unobjected failure final on the deadline scan, routes it, closes the case and publishes it', async () => {
    const { enforcement } = actors;
    const { batchNumber, sellerName } = flow as Required<typeof flow>;
    expect(batchNumber).toBeDefined();
    // Enforcement's clock moves past the 15-day window (development and test only): the scan acts on it.
    await enforcement.advanceClock(persona.admin(), 25 * 86_400_000);
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
    const stats = await disclosure.statistics('category', { category: CATEGORY });
    // This failure and the overturned one of the objection test above (final as a pass first).
    expect(stats.total.tested).toBe(2);
    expect(stats.total.detectionRate?.value).toBe(0.5);
    const csv = await disclosure.openDataCsv('results', { verdict: 'fail', header: 'zh' });
    expect(csv).toContain(sellerName);
  });
});
