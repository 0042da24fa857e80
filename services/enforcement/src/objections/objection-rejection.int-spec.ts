import { ReinspectionRequested, ResultFinal, type ResultFinalValue } from '@qis/contracts';
import {
  EnforcementFixture,
  orderPlacedExample,
  reportIssuedExample,
  type Claims,
} from '../testing/enforcement-fixture';

jest.setTimeout(120_000);

interface ObjectionBody {
  id: string;
  status: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
const approver: Claims = { roles: ['approver'], sub: 'approver-li' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-1' };
const iso = (daysAgo: number): string => new Date(Date.now() - daysAgo * 86_400_000).toISOString();

/**
 * Operating rules §6: the approver (分管负责人) decides on a written objection. Refused, there is no
 * re-inspection and the first result stands: final at once when no other party's period holds it open.
 */
describe('an objection refused by the approver, on the real PostgreSQL and Kafka', () => {
  let fx: EnforcementFixture;

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
  }, 120_000);
  afterAll(() => fx?.stop());

  it('makes the first result final at once (objection-refused), publishes result-final once and requests no re-inspection', async () => {
    const b = 'HZ2026-900301';
    await fx.batch(b, { report: { issuedAt: iso(45) } });
    // The producer and the platform receive their notices now; the clock then moves 25 days (their
    // 15 days are over) before the seller receives its own (its 15 days run on).
    const notices = await fx.notices<{ id: string; kind: string; recipient: string; channel: string }>(
      b,
      'result',
      3,
    );
    const deliver = async (n: { id: string }): Promise<string> => {
      const at = (await fx.now()).toISOString();
      const delivered = await fx.call('POST', `/notices/${n.id}/delivery`, officer, {
        sentAt: at,
        receivedAt: at,
      });
      expect(delivered.status).toBe(200);
      return at;
    };
    const open = notices.filter((x) => x.channel !== 'public-notice');
    for (const n of open.filter((x) => x.recipient !== 'seller')) await deliver(n);
    await fx.advance(25 * 86_400_000);
    const sellerReceived = await deliver(open.find((x) => x.recipient === 'seller') as { id: string });
    const objection = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      applicantUnifiedSocialCreditCode: orderPlacedExample.value.seller.unifiedSocialCreditCode,
      filedAt: sellerReceived,
    });
    expect(objection.status).toBe(201);
    expect(objection.body.status).toBe('filed');
    // Pending: not final.
    await fx.scan();
    expect(await fx.published(ResultFinal, b)).toHaveLength(0);

    // A refusal must say why.
    const noReason = await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: false,
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');

    const reason = '申请人未提交主体资格证明，异议理由不成立，不予复检';
    const refused = await fx.call<ObjectionBody>(
      'POST',
      `/objections/${objection.body.id}/decision`,
      approver,
      {
        approve: false,
        reason,
        decidedAt: (await fx.now()).toISOString(),
      },
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'rejected',
      decidedAt: expect.any(String),
      decisionReason: reason,
    });

    const finals = await fx.published<ResultFinalValue>(ResultFinal, b);
    expect(finals).toEqual([
      expect.objectContaining({
        basis: 'objection-refused',
        verdict: 'fail',
        reportNumber: reportIssuedExample.value.reportNumber,
      }),
    ]);
    expect(await fx.published(ReinspectionRequested, b)).toHaveLength(0);

    // Decided once: a second decision is refused, and a later scan publishes nothing more.
    const again = await fx.call('POST', `/objections/${objection.body.id}/decision`, approver, {
      approve: true,
      reason: '同意复检',
    });
    expect(again.status).toBe(409);
    await fx.scan();
    expect(await fx.published(ResultFinal, b)).toHaveLength(1);
    expect(await fx.published(ReinspectionRequested, b)).toHaveLength(0);

    const audit = await fx.call<{ items: Array<{ action: string; actor: string; detail: unknown }> }>(
      'GET',
      `/audit?entityType=objection&entityId=${objection.body.id}`,
      auditor,
    );
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'objection.reject',
          actor: approver.sub,
          detail: expect.objectContaining({ batchNumber: b, reason }),
        }),
      ]),
    );
  });
});
