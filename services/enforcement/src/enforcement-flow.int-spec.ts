import {
  CaseClosed,
  CaseRouted,
  ObjectionFiled,
  ReinspectionRequested,
  ResultFinal,
  ResultNotified,
  type ResultFinalValue,
  type ResultNotifiedValue,
} from '@qis/contracts';
import { expectEventually, type TestService } from '@qis/testing';
import { CalendarSource } from './kernel/calendar-source';
import { addDays, daysBetween, endOfShanghaiDay, shanghaiDate } from '@qis/domain';
import type { EnforcementConfig } from './enforcement.config';
import { uscc } from './testing/credit-code';
import {
  EnforcementFixture,
  orderPlacedExample,
  reportIssuedExample,
  sampleSealedExample,
  type Claims,
  materialsReceived,
} from './testing/enforcement-fixture';

interface NoticeBody {
  id: string;
  kind: string;
  reportNumber: string | null;
  noticeNumber: string;
  correctsNoticeId: string | null;
  withdrawnAt: string | null;
  recipient: string;
  channel: string;
  dueAt: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  content: string;
}
interface ObjectionBody {
  id: string;
  status: string;
  refusalReason: string | null;
  windowLastDay: string;
  completeBy: string | null;
  labNoticeReceivedAt?: string | null;
  proceduresPeriod?: string | null;
  labNotifiedAt: string | null;
}
interface CaseBody {
  id: string;
  batchNumber: string;
  rule: string;
  authority: { kind: string; areaCode: string; name: string };
  copiedTo: Array<{ kind: string; name: string }>;
  status: string;
}
interface TriageBody {
  id: string;
  batchNumber: string;
  reason: string;
  status: string;
}

const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});
const approver: Claims = { roles: ['approver'], sub: 'approver-li' };
const DAY = 86_400_000;

let service: TestService<EnforcementConfig>;
let fx: EnforcementFixture;

beforeAll(async () => {
  fx = await EnforcementFixture.start();
  service = fx.service;
}, 120_000);

afterAll(() => fx?.stop());

/** Records every result notice of the batch as sent and received now, on enforcement's clock. */
const deliverAll = (batchNumber: string, kind = 'result'): Promise<string> =>
  fx.deliverAll(batchNumber, undefined, kind);

/** The working-day calendar enforcement computes with (the approved schedules included). */
const calendar = () => fx.service.app.get(CalendarSource).current();

async function caseOf(batchNumber: string): Promise<CaseBody> {
  const res = await fx.call<CaseBody[]>('GET', '/cases', approver);
  const found = res.body.find((c) => c.batchNumber === batchNumber);
  if (!found) throw new Error(`no case for ${batchNumber}`);
  return found;
}

describe('enforcement on the real PostgreSQL and Kafka', () => {
  // First, before any test moves the clock into 2027 (which loads an illustrative 2027 schedule).
  it('raises an alert instead of failing when the result notice deadline reaches a year the calendar does not know', async () => {
    const b = 'HZ2026-900009';
    // 12-29, 12-30, 12-31, then 2027: chinese-days has no 2027 schedule yet.
    await fx.batch(b, { report: { issuedAt: '2026-12-28T02:00:00.000Z' } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    expect(notices.map((n) => n.dueAt)).toEqual([null, null, null]);
    const alerts = await fx.call<Array<{ kind: string; message: string }>>(
      'GET',
      `/alerts?batchNumber=${b}`,
      approver,
    );
    expect(alerts.body).toEqual([
      expect.objectContaining({
        kind: 'calendar-year-unknown',
        message: expect.stringContaining('no working-day calendar for 2027'),
      }),
    ]);
    // The scan neither fails nor guesses the deadline.
    await fx.scan();
    const after = await fx.notices<NoticeBody>(b, 'result', 3);
    expect(after.every((n) => n.dueAt === null)).toBe(true);
  });

  it('sets the result notice deadline 5 working days after the report, across National Day and the 调休 Saturday, and alerts on breach', async () => {
    const b = 'HZ2026-900001';
    await fx.batch(b, { report: { issuedAt: '2026-09-29T02:00:00.000Z' } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    // 09-30, 10-08, 10-09, 10-10 (调休 Saturday), 10-12: the 5th working day, ending at midnight in Shanghai.
    expect(notices.map((n) => [n.recipient, n.dueAt])).toEqual(
      expect.arrayContaining([
        ['seller', '2026-10-12T15:59:59.999Z'],
        ['producer', '2026-10-12T15:59:59.999Z'],
        ['platform', '2026-10-12T15:59:59.999Z'],
      ]),
    );
    expect(notices[0]?.content).toContain('抽查检验结果通知书');
    // No evidence service here: the lab report cannot be attached, so no result notice PDF (503);
    // result-notice-report.int-spec proves the PDF with the report.
    const result = await fetch(`${service.url}/notices/${notices[0]?.id}/pdf`, {
      headers: await service.auth(approver),
    });
    expect(result.status).toBe(503);
    const sampling = await fx.notices<NoticeBody>(b, 'sampling', 2);
    expect(sampling.map((n) => n.recipient).sort()).toEqual(['platform', 'seller']);
    const pdf = await fetch(`${service.url}/notices/${sampling[0]?.id}/pdf`, {
      headers: await service.auth(approver),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await fx.scan();
    const alerts = await fx.call<Array<{ kind: string; message: string }>>(
      'GET',
      `/alerts?batchNumber=${b}`,
      // Not routed yet: the sampling city's officers see its alerts, not a district's.
      officer('330100'),
    );
    expect(alerts.body).toHaveLength(3);
    expect(
      alerts.body.every((a) => a.kind === 'result-notice-overdue' && a.message.includes('2026-10-12')),
    ).toBe(true);
  });

  it('sends a public notice instead when the seller and producer addresses are unknown, and publishes result-notified once the platform notice is out', async () => {
    const b = 'HZ2026-900002';
    const { registeredAddress: _address, ...seller } = orderPlacedExample.value.seller;
    const { producerAddress: _producerAddress, ...claimed } = sampleSealedExample.value.claimed;
    await fx.batch(b, { order: { seller }, sealed: { claimed } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    expect(
      notices
        .filter((n) => n.channel === 'public-notice')
        .map((n) => n.recipient)
        .sort(),
    ).toEqual(['producer', 'seller']);
    expect(await fx.published(ResultNotified, b)).toHaveLength(0);

    await deliverAll(b);
    const [notified] = await fx.published<ResultNotifiedValue>(ResultNotified, b);
    expect(notified?.publicNotice).toEqual({
      sellerName: seller.name,
      sampleName: claimed.sampleName,
      specModel: claimed.specModel,
      listingUrl: orderPlacedExample.value.listing.url,
      orderNumber: orderPlacedExample.value.orderNumber,
      platformName: '淘宝',
    });
    expect(notified?.deliveries.map((d) => d.channel).sort()).toEqual([
      'platform-message',
      'public-notice',
      'public-notice',
    ]);
  });

  it('accepts an objection filed on the last day of the 15-day period and refuses one filed the day after, with the dates in the reason', async () => {
    const b = 'HZ2026-900003';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    const receivedAt = await deliverAll(b);
    const receivedOn = shanghaiDate(new Date(receivedAt));
    // Day 15 after the receipt, moved to the next working day when it is a rest day or holiday.
    const lastDay = (await calendar()).lastDayOfPeriod(receivedOn, 15);
    const dayAfter = addDays(lastDay, 1);
    // The clock runs to 09:00 (Asia/Shanghai) of the day after the period: nothing back-dated.
    await fx.advanceTo(new Date(`${dayAfter}T01:00:00.000Z`));

    const late = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      applicantUnifiedSocialCreditCode: orderPlacedExample.value.seller.unifiedSocialCreditCode,
      filedAt: `${dayAfter}T01:00:00.000Z`,
    });
    expect(late.status).toBe(201);
    expect(late.body.status).toBe('refused');
    expect(late.body.refusalReason).toBe(
      `filed on ${dayAfter} (day ${daysBetween(receivedOn, dayAfter)}); the notice was received on ${receivedOn} and the 15-day period to object ended on ${lastDay}`,
    );

    // Filed (received by the bureau) at 17:00 of the last day, recorded the next morning: in time,
    // once a second officer has confirmed the date it rests on (until then it is not published).
    const recorded = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'producer',
      applicantName: '湖州示例丝绸有限公司',
      filedAt: `${lastDay}T09:00:00.000Z`,
      filingReason: '申请书于期限最后一日17:00送达窗口，收件登记簿为证',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'filed',
      filingAwaitingConfirmation: true,
      windowLastDay: lastDay,
    });
    expect(await fx.published(ObjectionFiled, b)).toHaveLength(0);
    const inTime = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${recorded.body.id}/filing-confirmation`,
      { ...officer('330100'), sub: 'officer-330100-second' },
      { filedAt: `${lastDay}T09:00:00.000Z` },
    );
    expect(inTime.status).toBe(200);
    expect(inTime.body).toMatchObject({ status: 'filed', windowLastDay: lastDay });
    const filed = await fx.published<{ objectionId: string; noticeReceivedAt: string }>(ObjectionFiled, b);
    expect(filed).toEqual([
      expect.objectContaining({ objectionId: inTime.body.id, noticeReceivedAt: receivedAt }),
    ]);
    // An objection is pending: the result is not final.
    await fx.scan();
    expect(await fx.published(ResultFinal, b)).toHaveLength(0);
  });

  it("waives the re-inspection when procedures are not completed within 7 days of the applicant's receipt of the 《复检机构确定通知书》 (pending until then, not from the dispatch), and the first result stands", async () => {
    const b = 'HZ2026-900004';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    const receivedAt = await deliverAll(b);
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    const approved = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/decision`,
      approver,
      {
        approve: true,
        reason: '申请材料齐全，同意复检',
        decidedAt: (await fx.now()).toISOString(),
      },
    );
    expect(approved.status).toBe(200);
    // The 7 days run from being told the lab, not from the approval: no limit until lab-gateway drew it.
    expect(approved.body).toMatchObject({ status: 'approved', completeBy: null, labNotifiedAt: null });
    await fx.scan();
    expect(
      (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body.status,
    ).toBe('approved');

    const dispatchedAt = (await fx.now()).toISOString();
    await fx.dispatchReinspection(b, dispatchedAt);
    await expectEventually(async () =>
      expect(
        (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body,
      ).toMatchObject({
        status: 'approved',
        labNotifiedAt: dispatchedAt,
        completeBy: null,
        proceduresPeriod: 'awaiting-receipt',
      }),
    );
    // Eight days after the dispatch, the applicant has not received the notice: nothing is waived.
    await fx.advance(8 * 86_400_000);
    await fx.scan();
    expect(
      (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body.status,
    ).toBe('approved');
    const noticeReceivedAt = await fx.receiveLabNotices(objection.body.id);
    // Day 7 after the day the applicant received it, moved past rest days and holidays.
    const completeBy = endOfShanghaiDay(
      (await calendar()).lastDayOfPeriod(shanghaiDate(new Date(noticeReceivedAt)), 7),
    ).toISOString();
    expect(
      (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body,
    ).toMatchObject({ status: 'approved', labNoticeReceivedAt: noticeReceivedAt, completeBy });
    const [requested] = await fx.published<{ sealNumber: string; originalLabId: string }>(
      ReinspectionRequested,
      b,
    );
    expect(requested).toMatchObject({
      sealNumber: sampleSealedExample.value.backupSample.sealNumber,
      originalLabId: reportIssuedExample.value.labId,
    });

    // The clock runs past the 7 days (and the others' 15-day periods): waived at the next scan.
    await fx.scan();
    expect(
      (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body.status,
    ).toBe('approved');
    await fx.windowsRunOut();
    const after = await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver);
    expect(after.body.status).toBe('waived');
    const finals = await fx.published<ResultFinalValue>(ResultFinal, b);
    expect(finals).toEqual([
      expect.objectContaining({
        basis: 're-inspection-waived',
        verdict: 'fail',
        reportNumber: reportIssuedExample.value.reportNumber,
      }),
    ]);
  });

  it("takes the applicant's written waiver of an approved re-inspection at once: the first result is final", async () => {
    const b = 'HZ2026-900011';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    // The others receive their notices, the clock runs past their 15 days, then the seller receives
    // its own (its period runs on): once the seller has waived, its period no longer holds the
    // result open.
    const now = async () => (await fx.now()).toISOString();
    const notices = await fx.notices<{ id: string; kind: string; recipient: string; channel: string }>(b);
    const deliver = async (n: { id: string }) => {
      const at = await now();
      expect(
        (
          await fx.call('POST', `/notices/${n.id}/delivery`, officer('330100'), {
            sentAt: at,
            receivedAt: at,
          })
        ).status,
      ).toBe(200);
    };
    const open = notices.filter((x) => x.channel !== 'public-notice');
    for (const n of open.filter((x) => x.recipient !== 'seller')) await deliver(n);
    await fx.advance(25 * DAY);
    await deliver(open.find((x) => x.recipient === 'seller') as { id: string });
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: await now(),
      materials: materialsReceived,
    });
    // Only an approved re-inspection can be given up.
    const early = await fx.call('POST', `/objections/${objection.body.id}/waiver`, officer('330100'), {
      declaredAt: await now(),
      reason: '申请人书面声明放弃复检',
    });
    expect(early.status).toBe(409);
    await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: true,
      reason: '申请材料齐全，同意复检',
      decidedAt: await now(),
    });
    const waiver = { declaredAt: await now(), reason: '申请人书面声明放弃复检' };
    const invalid = await fx.call('POST', `/objections/${objection.body.id}/waiver`, officer('330100'), {
      declaredAt: 'yesterday',
    });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('declaredAt');
    expect(JSON.stringify(invalid.body)).toContain('reason');

    const waived = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/waiver`,
      officer('330100'),
      waiver,
    );
    expect(waived.status).toBe(200);
    expect(waived.body.status).toBe('waived');
    const finals = await fx.published<ResultFinalValue>(ResultFinal, b);
    expect(finals).toEqual([
      expect.objectContaining({
        basis: 're-inspection-waived',
        verdict: 'fail',
        reportNumber: reportIssuedExample.value.reportNumber,
      }),
    ]);
  });

  it('lets a re-inspection result replace the first; it is final at once and notified to the applicant and the platform', async () => {
    const b = 'HZ2026-900005';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    const receivedAt = await deliverAll(b);
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    const early = await fx.call<{ message: string }>(
      'POST',
      `/objections/${objection.body.id}/procedures-completed`,
      officer('330100'),
      { completedAt: (await fx.now()).toISOString() },
    );
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/lab .* is not known yet/);
    const dispatchedAt = (await fx.now()).getTime();
    await fx.dispatchReinspection(b, new Date(dispatchedAt).toISOString());
    await expectEventually(async () =>
      expect(
        (await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver)).body
          .labNotifiedAt,
      ).not.toBeNull(),
    );
    const done = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/procedures-completed`,
      officer('330100'),
      { completedAt: new Date(dispatchedAt + 1_000).toISOString() },
    );
    expect(done.body.status).toBe('re-inspecting');
    await fx.scan();
    expect(await fx.published(ResultFinal, b)).toHaveLength(0);

    await fx.report(b, {
      reportNumber: 'ZJFZ2026-R-00077',
      purpose: 're-inspection',
      labId: '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f60',
      labName: '国家示例纺织品质量检验检测中心',
      verdict: 'pass',
      items: reportIssuedExample.value.items.map((i) => ({ ...i, verdict: 'pass' as const })),
      failingItems: [],
      issuedAt: '2026-06-25T02:00:00.000Z',
    });
    await expectEventually(async () => {
      const finals = await fx.published<ResultFinalValue>(ResultFinal, b);
      expect(finals).toEqual([
        expect.objectContaining({
          basis: 're-inspection',
          verdict: 'pass',
          reportNumber: 'ZJFZ2026-R-00077',
          failingItems: [],
        }),
      ]);
    });
    const renotified = await fx.notices<NoticeBody>(b, 'reinspection-result', 2);
    expect(renotified.map((n) => n.recipient).sort()).toEqual(['platform', 'seller']);
    const after = await fx.call<ObjectionBody>('GET', `/objections/${objection.body.id}`, approver);
    expect(after.body.status).toBe('completed');
    // A pass opens no case.
    expect((await fx.call<CaseBody[]>('GET', '/cases', approver)).body.some((c) => c.batchNumber === b)).toBe(
      false,
    );
  });

  it("routes a platform sale to the platform operator's district with 网监办 copied, writes the credit file and proposes a follow-up", async () => {
    const b = 'HZ2026-900006';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await deliverAll(b);
    await fx.windowsRunOut();
    const [final] = await fx.published<ResultFinalValue>(ResultFinal, b);
    expect(final).toMatchObject({ basis: 'no-objection', verdict: 'fail' });

    const routed = await caseOf(b);
    expect(routed).toMatchObject({
      rule: 'platform-operator-address',
      authority: { kind: 'district-bureau', areaCode: '330110', name: '杭州市余杭区市场监督管理局' },
      copiedTo: [
        expect.objectContaining({ kind: 'online-supervision-office', name: '杭州市市场监督管理局网监办' }),
      ],
    });
    expect(await fx.published(CaseRouted, b)).toEqual([
      expect.objectContaining({ caseId: routed.id, rule: 'platform-operator-address' }),
    ]);

    const code = orderPlacedExample.value.seller.unifiedSocialCreditCode as string;
    const credit = await fx.call<{
      failures: number;
      entries: Array<{ kind: string; batchNumber: string; subjectRole: string }>;
    }>('GET', `/credit/${code}`, { roles: ['planner'] });
    expect(credit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'failure', batchNumber: b, subjectRole: 'seller' }),
      ]),
    );
    const proposals = await fx.call<Array<{ batchNumber: string; category: string; failingItems: string[] }>>(
      'GET',
      '/follow-up-proposals',
      {
        roles: ['planner'],
      },
    );
    expect(proposals.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ batchNumber: b, category: 'silk-quilt', failingItems: ['蚕丝含量'] }),
      ]),
    );
  });

  it("routes an own-site sale to the seller's district, parsed from the free-text address", async () => {
    const b = 'HZ2026-900007';
    const { platform: _platform, ...order } = orderPlacedExample.value;
    const { registeredAreaCode: _code, ...seller } = order.seller;
    await fx.batch(b, {
      order: {
        ...order,
        platform: undefined,
        // A credit code of the same district: one of another district would conflict (triage).
        seller: {
          ...seller,
          unifiedSocialCreditCode: uscc('330108'),
          registeredAddress: '浙江省杭州市滨江区江南大道100号',
        },
      },
      report: { issuedAt: '2026-05-29T02:00:00.000Z' },
    });
    const notices = await fx.notices<NoticeBody>(b, 'result', 2);
    expect(notices.map((n) => n.recipient).sort()).toEqual(['producer', 'seller']);
    await deliverAll(b);
    await fx.windowsRunOut();
    expect(await caseOf(b)).toMatchObject({
      rule: 'seller-address',
      authority: { kind: 'district-bureau', areaCode: '330108', name: '杭州市滨江区市场监督管理局' },
      copiedTo: [],
    });
  });

  it('sends an unresolvable address to the manual triage queue, never a guess, and routes it by the district a person establishes', async () => {
    const b = 'HZ2026-900008';
    const { platform: _platform, ...order } = orderPlacedExample.value;
    // A natural person: no credit code whose area could place the seller instead of the address.
    const { registeredAreaCode: _code, unifiedSocialCreditCode: _uscc, ...seller } = order.seller;
    await fx.batch(b, {
      order: {
        ...order,
        platform: undefined,
        seller: { ...seller, entityType: 'natural-person', registeredAddress: '西湖区某某大厦3楼' },
      },
      report: { issuedAt: '2026-05-29T02:00:00.000Z' },
    });
    await deliverAll(b);
    await fx.windowsRunOut();
    expect((await fx.call<CaseBody[]>('GET', '/cases', approver)).body.some((c) => c.batchNumber === b)).toBe(
      false,
    );
    const queue = await fx.call<TriageBody[]>('GET', '/triage', approver);
    const item = queue.body.find((t) => t.batchNumber === b);
    expect(item).toMatchObject({
      status: 'open',
      reason: expect.stringMatching(/西湖区 \(330106\).*西湖区 \(360103\)/),
    });

    const resolved = await fx.call<CaseBody>('POST', `/triage/${item?.id}/resolve`, approver, {
      areaCode: '330106',
      reason: '经核实营业执照，住所位于杭州市西湖区',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ rule: 'seller-address', authority: { areaCode: '330106' } });
  });

  it("shows an officer only their jurisdiction's cases: others answer 404 as if missing", async () => {
    const yuhang = await caseOf('HZ2026-900006'); // 330110
    const binjiang = await caseOf('HZ2026-900007'); // 330108

    const mine = await fx.call<CaseBody[]>('GET', '/cases', officer('330110'));
    expect(mine.body.map((c) => c.batchNumber)).toContain('HZ2026-900006');
    expect(mine.body.every((c) => c.authority.areaCode === '330110')).toBe(true);
    expect((await fx.call('GET', `/cases/${binjiang.id}`, officer('330110'))).status).toBe(404);
    expect((await fx.call('POST', `/cases/${binjiang.id}/accept`, officer('330110'))).status).toBe(404);
    const city = await fx.call<CaseBody[]>('GET', '/cases', officer('330100'));
    expect(city.body.map((c) => c.batchNumber)).toEqual(
      expect.arrayContaining(['HZ2026-900006', 'HZ2026-900007']),
    );

    expect((await fx.call('POST', `/cases/${yuhang.id}/accept`, officer('330110'))).status).toBe(200);
    expect((await fx.call('POST', `/cases/${yuhang.id}/investigate`, officer('330110'))).status).toBe(200);
    const noAmount = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      `/cases/${yuhang.id}/close`,
      officer('330110'),
      {
        outcomes: ['penalty'],
      },
    );
    expect(noAmount.status).toBe(422);
    expect(noAmount.body.errors[0]?.field).toBe('penaltyFen');
    const closed = await fx.call<CaseBody>('POST', `/cases/${yuhang.id}/close`, officer('330110'), {
      outcomes: ['takedown-confirmed', 'penalty'],
      penaltyFen: 2_000_000,
      summary: '责令下架并处罚款',
    });
    expect(closed.body.status).toBe('closed');
    expect(await fx.published(CaseClosed, 'HZ2026-900006')).toEqual([
      expect.objectContaining({
        caseId: yuhang.id,
        outcomes: ['takedown-confirmed', 'penalty'],
        penaltyFen: 2_000_000,
      }),
    ]);
    const code = orderPlacedExample.value.seller.unifiedSocialCreditCode as string;
    const credit = await fx.call<{ penalties: number }>('GET', `/credit/${code}`, officer('330110'));
    expect(credit.body.penalties).toBeGreaterThanOrEqual(1);
  });

  it('lets an amended report replace the original: unsent notices withdrawn, a sent one corrected, the objection period run from the corrected notice', async () => {
    const b = 'HZ2026-900010';
    const original = reportIssuedExample.value.reportNumber;
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    const first = await fx.notices<NoticeBody>(b, 'result', 3);
    const sellerFirst = first.find((n) => n.recipient === 'seller') as NoticeBody;
    const firstReceived = (await fx.now()).toISOString();
    expect(
      (
        await fx.call('POST', `/notices/${sellerFirst.id}/delivery`, officer('330100'), {
          sentAt: firstReceived,
          receivedAt: firstReceived,
        })
      ).status,
    ).toBe(200);

    await fx.report(b, {
      reportNumber: 'ZJFZ2026-A-00123',
      amendsReportNumber: original,
      verdict: 'pass',
      items: reportIssuedExample.value.items.map((i) => ({ ...i, verdict: 'pass' as const })),
      failingItems: [],
      issuedAt: '2026-06-02T02:00:00.000Z',
    });
    let all: NoticeBody[] = [];
    await expectEventually(async () => {
      all = (await fx.call<NoticeBody[]>('GET', `/batches/${b}/notices`, approver)).body;
      expect(all.filter((n) => n.reportNumber === 'ZJFZ2026-A-00123')).toHaveLength(2);
    });
    const old = all.filter((n) => n.reportNumber === original);
    expect(old.map((n) => [n.recipient, n.withdrawnAt !== null]).sort()).toEqual([
      ['platform', true],
      ['producer', true],
      ['seller', false],
    ]);
    const amended = all.filter((n) => n.reportNumber === 'ZJFZ2026-A-00123');
    const seller = amended.find((n) => n.recipient === 'seller') as NoticeBody;
    const platform = amended.find((n) => n.recipient === 'platform') as NoticeBody;
    // A pass: the producer, never sent the failure, gets nothing; the seller a corrected notice.
    expect(amended.map((n) => n.recipient).sort()).toEqual(['platform', 'seller']);
    expect(seller).toMatchObject({ correctsNoticeId: sellerFirst.id, dueAt: '2026-06-09T15:59:59.999Z' });
    expect(seller.content).toContain('网络商品质量抽查检验结果更正通知书');
    expect(seller.content).toContain(`更正并替代编号${sellerFirst.noticeNumber}`);
    expect(platform.correctsNoticeId).toBeNull();
    const withdrawn = old.find((n) => n.recipient === 'platform') as NoticeBody;
    expect(
      (
        await fx.call('POST', `/notices/${withdrawn.id}/delivery`, officer('330100'), {
          sentAt: firstReceived,
          receivedAt: firstReceived,
        })
      ).status,
    ).toBe(409);

    // The corrected notices are received 9 days after the first; the objection comes 18 days after
    // the first (its period over) and 9 after the corrected one: in time.
    await fx.advance(9 * DAY);
    const correctedReceived = await deliverAll(b);
    await fx.advance(9 * DAY);
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer('330100'), {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: (await fx.now()).toISOString(),
    });
    expect(objection.body).toMatchObject({
      status: 'filed',
      windowLastDay: (await calendar()).lastDayOfPeriod(shanghaiDate(new Date(correctedReceived)), 15),
    });
    const filed = await fx.published<{ reportNumber: string }>(ObjectionFiled, b);
    expect(filed).toEqual([expect.objectContaining({ reportNumber: 'ZJFZ2026-A-00123' })]);
  });

  it('does not apply an amended report once the result is final, and raises an alert', async () => {
    const b = 'HZ2026-900006'; // final (no objection) in the routing test above
    await fx.report(b, {
      reportNumber: 'ZJFZ2026-A-00124',
      amendsReportNumber: reportIssuedExample.value.reportNumber,
      issuedAt: '2026-07-01T02:00:00.000Z',
    });
    await expectEventually(async () => {
      const alerts = await fx.call<Array<{ kind: string; message: string }>>(
        'GET',
        `/alerts?batchNumber=${b}`,
        approver,
      );
      expect(alerts.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'report-amendment-not-applied',
            message: expect.stringMatching(/ZJFZ2026-A-00124 .*result already final/),
          }),
        ]),
      );
    });
    const notices = await fx.call<NoticeBody[]>('GET', `/batches/${b}/notices`, approver);
    expect(notices.body.some((n) => n.reportNumber === 'ZJFZ2026-A-00124')).toBe(false);
  });

  it('refuses malformed requests with 400 naming each field', async () => {
    const res = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      '/batches/HZ2026-900003/objections',
      officer('330100'),
      {
        applicantRole: 'buyer',
        filedAt: 'yesterday',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field).sort()).toEqual(['applicantName', 'applicantRole', 'filedAt']);
  });
});
