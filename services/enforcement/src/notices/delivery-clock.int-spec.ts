import { randomInt } from 'node:crypto';
import { ObjectionFiled } from '@qis/contracts';
import { DataSource } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { shanghaiDate } from '@qis/domain';
import { EnforcementFixture, orderPlacedExample, type Claims } from '../testing/enforcement-fixture';

jest.setTimeout(120_000);

interface NoticeBody {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  issuedAt: string;
  sentAt: string | null;
  receivedAt: string | null;
  receiptPendingAt: string | null;
  receiptReason: string | null;
  receiptRecordedBy: string | null;
  receiptConfirmedBy: string | null;
}

interface ErrorBody {
  message: string;
  rule?: string;
  errors?: Array<{ field: string; reasons: string[] }>;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-zhang' };
const secondOfficer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-wang' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-1' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number): string => new Date(ms).toISOString();
const fields = (body: ErrorBody): string[] => (body.errors ?? []).map((e) => e.field);

/**
 * A delivery record cannot be back-dated (issue 22 item 3): it is sent no earlier than the notice
 * was issued, received and sent no later than enforcement's clock, and a receipt on an earlier day
 * than today — which would start the 15-day objection period in the past — only on a stated proof of
 * service and a second officer's confirmation (four-eyes).
 */
describe('delivery records against enforcement’s clock, on the real PostgreSQL and Kafka', () => {
  let fx: EnforcementFixture;
  beforeAll(async () => {
    fx = await EnforcementFixture.start();
  }, 120_000);
  afterAll(() => fx?.stop());

  const batchWithNotices = async (): Promise<{ b: string; seller: NoticeBody; notices: NoticeBody[] }> => {
    const b = `HZ2026-${String(randomInt(700_000, 799_999))}`;
    await fx.batch(b, { report: { issuedAt: iso(Date.now() - HOUR) } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    const seller = notices.find((n) => n.recipient === 'seller') as NoticeBody;
    return { b, seller, notices };
  };

  it('refuses a sentAt before the notice was issued (422 naming sentAt), and one after the clock', async () => {
    const { seller } = await batchWithNotices();
    const issuedAt = Date.parse(seller.issuedAt);
    expect(Math.abs(issuedAt - (await fx.now()).getTime())).toBeLessThan(5 * 60_000);

    const before = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt: iso(issuedAt - DAY),
    });
    expect(before.status).toBe(422);
    expect(fields(before.body)).toEqual(['sentAt']);
    expect(before.body.message).toContain("precedes the notice's issue");

    const future = iso((await fx.now()).getTime() + HOUR);
    const ahead = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt: future,
    });
    expect(ahead.status).toBe(422);
    expect(fields(ahead.body)).toEqual(['sentAt']);
    const received = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt: seller.issuedAt,
      receivedAt: future,
    });
    expect(received.status).toBe(422);
    expect(fields(received.body)).toEqual(['receivedAt']);

    const unchanged = await fx.call<NoticeBody>('GET', `/notices/${seller.id}`, auditor);
    expect(unchanged.body).toMatchObject({ sentAt: null, receivedAt: null });
  });

  it('reads "the future" from the service clock: an instant refused now is accepted once the clock has moved past it', async () => {
    const { seller } = await batchWithNotices();
    const at = iso((await fx.now()).getTime() + 2 * HOUR);
    const early = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt: at,
      receivedAt: at,
    });
    expect(early.status).toBe(422);
    expect(fields(early.body)).toEqual(['sentAt']);
    await fx.advance(3 * HOUR);
    const later = await fx.call<NoticeBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt: at,
    });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ sentAt: at, receivedAt: null });
  });

  it('refuses a receipt on an earlier day than today unless a second officer confirms it with the proof of service', async () => {
    const { b, seller } = await batchWithNotices();
    // Sent on the day of issue; the postal return receipt (received the next day) comes back 3 days later.
    const sentAt = iso(Date.parse(seller.issuedAt) + 60_000);
    const receivedAt = iso(Date.parse(seller.issuedAt) + DAY);
    await fx.advance(4 * DAY);

    const refused = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt,
      receivedAt,
    });
    expect(refused.status).toBe(422);
    expect(fields(refused.body)).toEqual(['receivedAt']);
    expect(refused.body.message).toContain('objection period in the past');
    expect((await fx.call<NoticeBody>('GET', `/notices/${seller.id}`, auditor)).body.sentAt).toBeNull();

    const reason = '邮政EMS回执 EA123456789CN，签收日期见回执';
    const recorded = await fx.call<NoticeBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt,
      receivedAt,
      receiptReason: reason,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      sentAt,
      receivedAt: null,
      receiptPendingAt: receivedAt,
      receiptReason: reason,
      receiptRecordedBy: officer.sub,
      receiptConfirmedBy: null,
    });

    // Until confirmed the objection period does not run from it.
    const early = await fx.call<ErrorBody>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: iso((await fx.now()).getTime() - 60_000),
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain("awaiting a second officer's confirmation");

    const self = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/receipt-confirmation`, officer, {
      receivedAt,
    });
    expect(self.status).toBe(409);
    expect(self.body.rule).toBe('four-eyes');
    const other = await fx.call<ErrorBody>(
      'POST',
      `/notices/${seller.id}/receipt-confirmation`,
      secondOfficer,
      {
        receivedAt: iso(Date.parse(receivedAt) - HOUR),
      },
    );
    expect(other.status).toBe(422);
    expect(fields(other.body)).toEqual(['receivedAt']);

    const confirmed = await fx.call<NoticeBody>(
      'POST',
      `/notices/${seller.id}/receipt-confirmation`,
      secondOfficer,
      { receivedAt, note: '核对回执原件' },
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      receivedAt,
      receiptPendingAt: null,
      receiptRecordedBy: officer.sub,
      receiptConfirmedBy: secondOfficer.sub,
    });
    const again = await fx.call<ErrorBody>(
      'POST',
      `/notices/${seller.id}/receipt-confirmation`,
      secondOfficer,
      {
        receivedAt,
      },
    );
    expect(again.status).toBe(409);

    // The period runs from the confirmed receipt's day.
    const filed = await fx.call<{ status: string; windowLastDay: string }>(
      'POST',
      `/batches/${b}/objections`,
      officer,
      {
        applicantRole: 'seller',
        applicantName: orderPlacedExample.value.seller.name,
        filedAt: iso((await fx.now()).getTime() - 60_000),
      },
    );
    expect(filed.status).toBe(201);
    const calendar = await fx.service.app.get(CalendarSource).current();
    expect(filed.body).toMatchObject({
      status: 'filed',
      windowLastDay: calendar.lastDayOfPeriod(shanghaiDate(new Date(receivedAt)), 15),
    });
    expect(await fx.published(ObjectionFiled, b)).toEqual([
      expect.objectContaining({ noticeReceivedAt: receivedAt }),
    ]);

    const audit = (await fx.service.app
      .get(DataSource)
      .query(`select actor, action, detail from audit_log where entity_id = $1 order by id`, [
        seller.id,
      ])) as Array<{
      actor: string;
      action: string;
      detail: Record<string, unknown>;
    }>;
    expect(audit.map((a) => [a.action, a.actor])).toEqual(
      expect.arrayContaining([
        ['notice.delivery', officer.sub],
        ['notice.receipt-confirmed', secondOfficer.sub],
      ]),
    );
    expect(audit.find((a) => a.action === 'notice.receipt-confirmed')?.detail).toMatchObject({
      receivedAt,
      receiptReason: reason,
      recordedBy: officer.sub,
    });
  });

  it('refuses a receipt on an earlier day without a reason even where the notice was sent then', async () => {
    const { seller } = await batchWithNotices();
    const sentAt = iso(Date.parse(seller.issuedAt) + 60_000);
    const sent = await fx.call<NoticeBody>('POST', `/notices/${seller.id}/delivery`, officer, { sentAt });
    expect(sent.status).toBe(200);
    await fx.advance(2 * DAY);
    const late = await fx.call<ErrorBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt,
      receivedAt: sentAt,
    });
    expect(late.status).toBe(422);
    expect(fields(late.body)).toEqual(['receivedAt']);
    // Received today (the clock's day): accepted at once, the objection period runs from today.
    const today = (await fx.now()).toISOString();
    const received = await fx.call<NoticeBody>('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt,
      receivedAt: today,
    });
    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ receivedAt: today, receiptPendingAt: null });
  });
});
