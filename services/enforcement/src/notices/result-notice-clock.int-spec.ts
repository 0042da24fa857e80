import { expectEventually } from '@qis/testing';
import {
  EnforcementFixture,
  orderPlacedExample,
  reportIssuedExample,
  type Claims,
  materialsReceived,
} from '../testing/enforcement-fixture';

jest.setTimeout(120_000);

interface NoticeBody {
  id: string;
  kind: string;
  reportNumber: string | null;
  recipient: string;
  dueAt: string | null;
}
interface AuditBody {
  items: Array<{ action: string; detail: Record<string, unknown> }>;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
const approver: Claims = { roles: ['approver'], sub: 'approver-li' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-1' };

// Issued by the lab on Friday 2026-11-13 (Asia/Shanghai); accepted by the lab gateway, so received
// by the bureau, on Tuesday 2026-11-17.
const ISSUED_FRIDAY = '2026-11-13T02:00:00.000Z';
const RECEIVED_TUESDAY = '2026-11-17T03:00:00.000Z';
// 11-18, 11-19, 11-20, 11-23, 11-24: the 5th working day after the Tuesday, to midnight in Shanghai.
const DUE_FROM_RECEIPT = '2026-11-24T15:59:59.999Z';
// 11-16 … 11-20: the 5th working day after the Friday.
const DUE_FROM_ISSUE = '2026-11-20T15:59:59.999Z';

/**
 * Operating rules §6: the result notice goes out within 5 working days of the bureau's receipt of
 * the result, i.e. when the lab gateway accepted the report (`receivedAt` of report-issued), not the
 * lab's issue date; a report published without its receipt still counts from `issuedAt`. The same
 * for the re-inspection result's notice. The audit says which time the due date counts from.
 */
describe('the result notice clock starts at the bureau’s receipt of the report', () => {
  let fx: EnforcementFixture;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
  }, 120_000);
  afterAll(() => fx?.stop());

  const noticeIssued = async (batchNumber: string, kind: string) => {
    const audit = await fx.call<AuditBody>('GET', `/audit?entityType=batch&entityId=${batchNumber}`, auditor);
    expect(audit.status).toBe(200);
    return audit.body.items.filter((e) => e.action === 'notice.issue' && e.detail['kind'] === kind);
  };

  it('dates a report issued on a Friday and received the next Tuesday 5 working days after the Tuesday', async () => {
    const b = 'HZ2026-900401';
    await fx.batch(b, { report: { issuedAt: ISSUED_FRIDAY, receivedAt: RECEIVED_TUESDAY } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    expect(notices.map((n) => [n.recipient, n.dueAt]).sort()).toEqual([
      ['platform', DUE_FROM_RECEIPT],
      ['producer', DUE_FROM_RECEIPT],
      ['seller', DUE_FROM_RECEIPT],
    ]);
    expect(await noticeIssued(b, 'result')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          dueAt: DUE_FROM_RECEIPT,
          deadlineFrom: 'receivedAt',
          deadlineStart: RECEIVED_TUESDAY,
          deadlineRule: "5 working days from the bureau's receipt of the report",
        }),
      }),
    ]);
  });

  it('still counts from the issue time a report published without its receipt', async () => {
    const b = 'HZ2026-900402';
    await fx.batch(b, { report: { issuedAt: ISSUED_FRIDAY } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    expect(new Set(notices.map((n) => n.dueAt))).toEqual(new Set([DUE_FROM_ISSUE]));
    expect(await noticeIssued(b, 'result')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          dueAt: DUE_FROM_ISSUE,
          deadlineFrom: 'issuedAt',
          deadlineStart: ISSUED_FRIDAY,
        }),
      }),
    ]);
  });

  it("dates the re-inspection result's notice from the bureau's receipt of the re-inspection report", async () => {
    const b = 'HZ2026-900403';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    const receivedAt = await fx.deliverAll(b);
    const objection = await fx.call<{ id: string }>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: receivedAt,
      materials: materialsReceived,
    });
    expect(objection.status).toBe(201);
    const decided = await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(decided.status).toBe(200);
    await fx.dispatchReinspection(b, (await fx.now()).toISOString());
    // The 7 days for the procedures run from the applicant's receipt of the 《复检机构确定通知书》.
    await fx.receiveLabNotices(objection.body.id);
    await expectEventually(async () =>
      expect(
        (await fx.call<{ completeBy: string | null }>('GET', `/objections/${objection.body.id}`, approver))
          .body.completeBy,
      ).not.toBeNull(),
    );
    const done = await fx.call<{ status: string }>(
      'POST',
      `/objections/${objection.body.id}/procedures-completed`,
      officer,
      { completedAt: (await fx.now()).toISOString() },
    );
    expect(done.body.status).toBe('re-inspecting');

    await fx.report(b, {
      reportNumber: 'ZJFZ2026-R-00401',
      purpose: 're-inspection',
      labId: '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f60',
      labName: '国家示例纺织品质量检验检测中心',
      verdict: 'pass',
      items: reportIssuedExample.value.items.map((i) => ({ ...i, verdict: 'pass' as const })),
      failingItems: [],
      issuedAt: ISSUED_FRIDAY,
      receivedAt: RECEIVED_TUESDAY,
    });
    const renotified = await fx.notices<NoticeBody>(b, 'reinspection-result', 2);
    expect(renotified.map((n) => [n.recipient, n.dueAt]).sort()).toEqual([
      ['platform', DUE_FROM_RECEIPT],
      ['seller', DUE_FROM_RECEIPT],
    ]);
    expect(await noticeIssued(b, 'reinspection-result')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({ deadlineFrom: 'receivedAt', deadlineStart: RECEIVED_TUESDAY }),
      }),
    ]);
  });
});
