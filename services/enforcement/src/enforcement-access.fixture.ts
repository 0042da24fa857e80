import { randomInt } from 'node:crypto';
import { expectEventually, type ForeignScopeFixture, type TestService } from '@qis/testing';
import type { EnforcementConfig } from './enforcement.config';
import {
  EnforcementFixture,
  materialsReceived,
  orderPlacedExample,
  type Claims,
} from './testing/enforcement-fixture';

/** The district the fixture's batch is routed to (余杭区). */
export const OWN_DISTRICT = '330110';
/** Foreign to it: another district of the city (滨江区), another city (宁波), another province (福建). */
export const FOREIGN_JURISDICTIONS = ['330108', '330200', '350000'];

interface NoticeBody {
  id: string;
  noticeNumber?: string;
  channel: string;
}
interface CaseBody {
  id: string;
  batchNumber: string;
  authority: { areaCode: string };
}

const approver: Claims = { roles: ['approver'], sub: 'approver-zhou' };
const city: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };

/** Enforcement runs with its deadline scheduler quiet: the fixture scans when it means to. */
export const ENFORCEMENT_ACCESS_ENV = { DEADLINE_SCAN_INTERVAL_MS: '3600000' };

/**
 * Real records of district 330110 for the access matrix, made as batch-scope.int-spec makes them:
 * a batch whose platform operator is registered in 余杭 gets its result notices (left unsent past
 * five working days: an overdue alert), is delivered, objected to and the objection refused; the
 * objection windows run out on enforcement's clock, so the result is final and the case routed to
 * 330110, with a failure in the seller's credit file and a consumer risk warning proposed. Officers
 * of 330108, 330200 and 350000 must see none of it.
 */
export async function enforcementScopeFixture(
  service: TestService<EnforcementConfig>,
): Promise<ForeignScopeFixture> {
  // The matrix stops the service; the enforcement fixture only lets go of its producer.
  const fx = new EnforcementFixture({ ...service, stop: async () => undefined });
  const batchNumber = `HZ2026-${String(randomInt(850_000, 899_999))}`;
  const seller = { ...orderPlacedExample.value.seller, unifiedSocialCreditCode: '91330106MA2CF0B1XU' };
  await fx.batch(batchNumber, {
    order: {
      seller,
      platform: { ...orderPlacedExample.value.platform!, operatorRegisteredAreaCode: OWN_DISTRICT },
    },
  });
  await fx.notices(batchNumber, 'result', 2);
  await fx.scan(); // nothing sent yet: an overdue alert once five working days have passed
  await fx.deliverAll(batchNumber); // received now, on enforcement's clock
  const filed = await fx.call<{ id: string }>('POST', `/batches/${batchNumber}/objections`, city, {
    applicantRole: 'seller',
    applicantName: seller.name,
    filedAt: (await fx.now()).toISOString(),
  });
  if (filed.status !== 201) throw new Error(`objection: ${filed.status} ${JSON.stringify(filed.body)}`);
  const objection = filed.body.id;
  const refused = await fx.call('POST', `/objections/${objection}/decision`, approver, {
    approve: false,
    reason: '异议理由不成立',
    decidedAt: (await fx.now()).toISOString(),
  });
  if (refused.status !== 200) throw new Error(`decision: ${refused.status} ${JSON.stringify(refused.body)}`);
  await fx.windowsRunOut(); // enforcement's clock moves past the 15-day windows
  const routed = await expectEventually(
    async () => {
      const r = await fx.call<CaseBody[]>('GET', '/cases', approver);
      const found = r.body.find((c) => c.batchNumber === batchNumber);
      expect(found?.authority.areaCode).toBe(OWN_DISTRICT);
      return found!;
    },
    { timeoutMs: 30_000 },
  );
  await expectEventually(async () => {
    const alerts = await fx.call<unknown[]>('GET', `/alerts?batchNumber=${batchNumber}`, approver);
    expect(alerts.body.length).toBeGreaterThan(0);
  });
  const notices = await fx.notices<NoticeBody & { kind: string }>(batchNumber, 'result', 2);
  const [notice] = notices.filter((n) => n.channel !== 'public-notice');
  // A result notice's PDF carries the lab's report from the evidence service, which this matrix does
  // not run (notice-evidence.int-spec does); the sampling notice's PDF is the same route, made here.
  const [samplingNotice] = await fx.notices<NoticeBody & { kind: string }>(batchNumber, 'sampling', 1);
  // A consumer risk warning proposed for the failed product: a foreign officer sees none of it.
  const proposed = await fx.call<{ id: string }>('POST', `/batches/${batchNumber}/risk-warnings`, city, {
    risk: '标称100%桑蚕丝，实测蚕丝含量不足，保暖性和透气性达不到宣称水平。',
    advice: '购买蚕丝被时请查看标签和合格证，保留购物凭证；已购买的消费者可要求经营者退换。',
  });
  if (proposed.status !== 201)
    throw new Error(`risk warning: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const warning = proposed.body.id;
  // A second batch of the district, its re-inspection approved and the lab drawn: the
  // 《复检机构确定通知书》 to the applicant and to the lab, with their delivery records.
  const reinspected = `HZ2026-${String(randomInt(800_000, 849_999))}`;
  await fx.batch(reinspected, {
    order: {
      seller,
      platform: { ...orderPlacedExample.value.platform!, operatorRegisteredAreaCode: OWN_DISTRICT },
    },
  });
  await fx.deliverAll(reinspected);
  const approved = await fx.call<{ id: string }>('POST', `/batches/${reinspected}/objections`, city, {
    applicantRole: 'seller',
    applicantName: seller.name,
    filedAt: (await fx.now()).toISOString(),
    materials: materialsReceived,
  });
  if (approved.status !== 201)
    throw new Error(`objection: ${approved.status} ${JSON.stringify(approved.body)}`);
  const decided = await fx.call('POST', `/objections/${approved.body.id}/decision`, approver, {
    approve: true,
    reason: '材料齐全，同意复检',
  });
  if (decided.status !== 200) throw new Error(`decision: ${decided.status} ${JSON.stringify(decided.body)}`);
  await fx.dispatchReinspection(reinspected, (await fx.now()).toISOString());
  const labNotices = await fx.labNotices(approved.body.id);
  const toApplicant = labNotices.find((n) => n.recipient === 'applicant')!;
  const toLab = labNotices.find((n) => n.recipient === 'reinspection-lab')!;
  const now = (await fx.now()).toISOString();
  return {
    own: { jurisdiction: OWN_DISTRICT },
    foreign: { jurisdiction: FOREIGN_JURISDICTIONS },
    values: [
      batchNumber,
      routed.id,
      objection,
      warning,
      ...[...notices, samplingNotice].flatMap((n) => [n.id, ...(n.noticeNumber ? [n.noticeNumber] : [])]),
      reinspected,
      approved.body.id,
      ...labNotices.flatMap((n) => [n.id, n.noticeNumber]),
    ],
    routes: {
      'GET /alerts': { query: { batchNumber } },
      'GET /cases': {},
      'GET /cases/:id': { params: { id: routed.id } },
      // The case stays in the city (no transfer): its own officer gets the letter's 404, a foreign
      // one the case's. A transferred case's letter in and out of scope: routing-policy.int-spec.
      'GET /cases/:id/transfer-letter': { params: { id: routed.id }, ownStatus: 404 },
      'GET /cases/:id/transfer-letter/pdf': { params: { id: routed.id }, ownStatus: 404 },
      'GET /batches/:batchNumber/notices': { params: { batchNumber } },
      'GET /batches/:batchNumber/objections': { params: { batchNumber } },
      'GET /batches/:batchNumber/stages': { params: { batchNumber } },
      'GET /objections/:id': { params: { id: objection } },
      'GET /objections/:id/materials/pdf': { params: { id: objection } },
      'GET /objections/:id/lab-notices': { params: { id: approved.body.id } },
      'GET /reinspection-lab-notices/:id/pdf': { params: { id: toApplicant.id } },
      'GET /notices/:id': { params: { id: notice.id } },
      // The desk's lists: a foreign officer's leave this batch out, as if it did not exist.
      'GET /notices': {},
      'GET /objections': {},
      'GET /deadlines': {},
      'GET /notices/:id/pdf': { params: { id: samplingNotice.id } },
      // A credit file gathers the batches of every district: a foreign officer's leaves this one out.
      'GET /credit/:code': {
        params: { code: seller.unifiedSocialCreditCode },
        foreign: 'left-out',
        values: [batchNumber],
      },
      // The dashboard's figures count the district's case: a foreign officer's leave the district out.
      'GET /statistics/overview': { foreign: 'left-out', values: [OWN_DISTRICT] },
      // Credit files found by credit code, and the follow-up proposals of the batch's failure: a
      // foreign officer's answer leaves the batch out.
      'GET /credit': {
        query: { q: seller.unifiedSocialCreditCode },
        foreign: 'left-out',
        values: [batchNumber],
      },
      'GET /follow-up-proposals': { foreign: 'left-out', values: [batchNumber] },
      // Risk warnings of the batch: a foreign officer's list leaves it out, the warning is a 404.
      'GET /risk-warnings': { foreign: 'left-out', values: [batchNumber, warning] },
      'GET /risk-warnings/:id': { params: { id: warning } },
      // In scope: one warning a batch (409 while this one is proposed); the own officer is not the
      // proposer, so issues it, then withdraws it.
      'POST /batches/:batchNumber/risk-warnings': {
        params: { batchNumber },
        body: {
          risk: '实测蚕丝含量不足，保暖性达不到宣称水平。',
          advice: '请查看标签和合格证，保留购物凭证。',
        },
        ownStatus: 409,
      },
      'POST /risk-warnings/:id/decision': { params: { id: warning }, body: { approve: true } },
      'POST /risk-warnings/:id/withdrawal': {
        params: { id: warning },
        body: { reason: '生产者已召回全部批次产品' },
      },
      // The routes that change things, in the order the case runs; in scope each is judged on its
      // merits (409 where the record's state no longer allows it), never as missing.
      'POST /cases/:id/accept': { params: { id: routed.id } },
      'POST /cases/:id/investigate': { params: { id: routed.id } },
      'POST /cases/:id/close': {
        params: { id: routed.id },
        body: { outcomes: ['rectification'], summary: '责令整改' },
      },
      'POST /notices/:id/delivery': {
        params: { id: notice.id },
        body: { sentAt: now, receivedAt: now },
        ownStatus: 409,
      },
      'POST /notices/:id/delivery-failure': {
        params: { id: notice.id },
        body: { reason: 'returned', sentAt: now, failedAt: now },
        ownStatus: 409,
      },
      'POST /notices/:id/receipt-confirmation': {
        params: { id: notice.id },
        body: { receivedAt: now, note: '核对邮政回执原件，签收日期一致' },
        ownStatus: 409,
      },
      // The applicant received its 《复检机构确定通知书》; the lab's was refused; no receipt awaits a second officer.
      'POST /reinspection-lab-notices/:id/delivery': {
        params: { id: toApplicant.id },
        body: { channel: 'in-person', sentAt: now, receivedAt: now, receivedBy: '张某（经营者委托代理人）' },
      },
      'POST /reinspection-lab-notices/:id/delivery-failure': {
        params: { id: toLab.id },
        body: { reason: 'refused', sentAt: now, failedAt: now },
      },
      'POST /reinspection-lab-notices/:id/receipt-confirmation': {
        params: { id: toLab.id },
        body: { receivedAt: now },
        ownStatus: 409,
      },
      'POST /batches/:batchNumber/objections': {
        params: { batchNumber },
        body: { applicantRole: 'seller', applicantName: seller.name, filedAt: now },
        ownStatus: 409,
      },
      // The objection is decided: its checklist is closed and no filing awaits confirmation.
      'POST /objections/:id/materials': {
        params: { id: objection },
        body: { item: 'proofOfStanding', receivedAt: now },
        ownStatus: 409,
      },
      'POST /objections/:id/filing-confirmation': {
        params: { id: objection },
        body: { filedAt: now },
        ownStatus: 409,
      },
      'POST /objections/:id/procedures-completed': {
        params: { id: objection },
        body: { completedAt: now },
        ownStatus: 409,
      },
      'POST /objections/:id/waiver': {
        params: { id: objection },
        body: { declaredAt: now, reason: '申请人书面声明放弃复检' },
        ownStatus: 409,
      },
    },
    close: () => fx.stop(),
  };
}
