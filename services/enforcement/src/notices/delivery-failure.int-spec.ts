import { randomInt } from 'node:crypto';
import { ResultNotified, type ResultNotifiedValue } from '@qis/contracts';
import { shanghaiDate } from '@qis/domain';
import { EnforcementFixture, orderPlacedExample, type Claims } from '../testing/enforcement-fixture';

jest.setTimeout(180_000);

interface NoticeBody {
  id: string;
  kind: string;
  recipient: string;
  channel: string;
  sentAt: string | null;
  receivedAt: string | null;
  deliveryFailedAt: string | null;
  deliveryFailureReason: string | null;
  replacesNoticeId: string | null;
}
interface ObjectionBody {
  status: string;
  noticeReceivedAt: string;
  filedAt: string;
  windowLastDay: string;
  refusalReason: string | null;
  materials: Record<string, string> | null;
}
interface ErrorBody {
  errors?: Array<{ field: string; reasons: string[] }>;
}

const officer: Claims = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-zhang' };
const DAY = 86_400_000;

/**
 * A result notice whose delivery failed (refused, address unknown, returned) is recordable and
 * leads to the public notice (operating rules §6, issue 16 item 2): published at once through
 * disclosure (`result-notified` with the public notice's facts), and the applicant's 15-day
 * objection period runs from that publication, not from the failed notice.
 */
describe('a failed delivery leads to the public notice, on the real PostgreSQL and Kafka', () => {
  let fx: EnforcementFixture;
  beforeAll(async () => {
    fx = await EnforcementFixture.start();
  }, 120_000);
  afterAll(() => fx?.stop());

  it('refuses a refused or returned delivery without sentAt (422 naming sentAt)', async () => {
    const b = `HZ2026-${String(randomInt(600_000, 649_999))}`;
    await fx.batch(b);
    const [seller] = (await fx.notices<NoticeBody>(b, 'result', 3)).filter((n) => n.recipient === 'seller');
    const res = await fx.call<ErrorBody>('POST', `/notices/${seller!.id}/delivery-failure`, officer, {
      reason: 'refused',
      failedAt: (await fx.now()).toISOString(),
    });
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['sentAt']);
  });

  it('publishes a public notice for a returned notice at once; the seller objects within 15 days of its publication', async () => {
    const b = `HZ2026-${String(randomInt(650_000, 699_999))}`;
    await fx.batch(b, { order: { seller: { ...orderPlacedExample.value.seller } } });
    const notices = await fx.notices<NoticeBody>(b, 'result', 3);
    const seller = notices.find((n) => n.recipient === 'seller')!;
    const sentAt = (await fx.now()).toISOString();
    await fx.advance(2 * DAY);
    const failedAt = (await fx.now()).toISOString();
    const res = await fx.call<{ notice: NoticeBody; publicNotice: NoticeBody }>(
      'POST',
      `/notices/${seller.id}/delivery-failure`,
      officer,
      { reason: 'returned', channel: 'post', sentAt, failedAt, note: '邮政EMS退回，批注“查无此人”' },
    );
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ deliveryFailureReason: 'returned', receivedAt: null, sentAt });
    expect(res.body.publicNotice).toMatchObject({
      channel: 'public-notice',
      recipient: 'seller',
      replacesNoticeId: seller.id,
    });
    const publishedAt = res.body.publicNotice.receivedAt as string;
    expect(new Date(publishedAt).getTime()).toBeGreaterThanOrEqual(new Date(failedAt).getTime());

    // Published now through disclosure, though the producer's and the platform's notices are unsent.
    const published = await fx.published<ResultNotifiedValue>(ResultNotified, b);
    expect(published).toHaveLength(1);
    expect(published[0]!.publicNotice).toMatchObject({ sellerName: orderPlacedExample.value.seller.name });
    expect(published[0]!.deliveries).toEqual([
      expect.objectContaining({ recipient: 'seller', channel: 'public-notice', receivedAt: publishedAt }),
    ]);

    // The failed notice takes no delivery any more.
    const again = await fx.call('POST', `/notices/${seller.id}/delivery`, officer, {
      sentAt,
      receivedAt: (await fx.now()).toISOString(),
    });
    expect(again.status).toBe(409);

    // Day 15 after the publication: in time, counted from the public notice.
    await fx.advance(15 * DAY);
    const filed = await fx.call<ObjectionBody>('POST', `/batches/${b}/objections`, officer, {
      applicantRole: 'seller',
      applicantName: orderPlacedExample.value.seller.name,
      filedAt: (await fx.now()).toISOString(),
      materials: {
        noticeReceipt: 'missing',
        writtenApplication: 'received',
        proofOfStanding: 'received',
        powerOfAttorney: 'received',
        authorisedPersonId: 'missing',
      },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.noticeReceivedAt).toBe(publishedAt);
    expect(
      filed.body.windowLastDay >= shanghaiDate(new Date(new Date(publishedAt).getTime() + 15 * DAY)),
    ).toBe(true);
    expect(filed.body.status).toBe('filed');
    expect(filed.body.materials).toMatchObject({ noticeReceipt: 'missing', writtenApplication: 'received' });
  });
});
