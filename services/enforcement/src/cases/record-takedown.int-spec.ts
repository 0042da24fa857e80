import { OrderPlaced, TakedownReported, type TakedownReportedValue } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { DataSource } from 'typeorm';
import { EnforcementFixture, orderPlacedExample, type Claims } from '../testing/enforcement-fixture';

const approver: Claims = { roles: ['approver'], sub: 'approver-li' };

let fx: EnforcementFixture;

beforeAll(async () => {
  fx = await EnforcementFixture.start();
}, 120_000);

afterAll(() => fx?.stop());

const report = (batchNumber: string): TakedownReportedValue => ({
  batchNumber,
  platform: 'taobao',
  listingId: orderPlacedExample.value.listing.platformListingId,
  action: 'listing-removed',
  note: '已下架',
  actedAt: '2026-06-20T02:00:00.000Z',
});

const takedowns = (batchNumber: string) =>
  fx.service.app
    .get(DataSource)
    .query(`select case_id, platform, listing_id, action from takedown_report where batch_number = $1`, [
      batchNumber,
    ]) as Promise<Array<{ case_id: string | null; platform: string; listing_id: string; action: string }>>;

describe("a platform's takedown report (platform.takedown-reported.v1)", () => {
  it("is attached to the batch's case and to the seller's credit file", async () => {
    const b = 'HZ2026-910001';
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await fx.deliverAll(b);
    await fx.windowsRunOut();
    const cases = await fx.call<Array<{ id: string; batchNumber: string }>>('GET', '/cases', approver);
    const routed = cases.body.find((c) => c.batchNumber === b);
    expect(routed).toBeDefined();

    await fx.emit(TakedownReported, b, report(b));
    await expectEventually(async () =>
      expect(await takedowns(b)).toEqual([
        {
          case_id: routed?.id,
          platform: 'taobao',
          listing_id: orderPlacedExample.value.listing.platformListingId,
          action: 'listing-removed',
        },
      ]),
    );
    const code = orderPlacedExample.value.seller.unifiedSocialCreditCode as string;
    const credit = await fx.call<{ entries: Array<{ kind: string; batchNumber: string }> }>(
      'GET',
      `/credit/${code}`,
      approver,
    );
    expect(credit.body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'takedown-reported', batchNumber: b })]),
    );
  });

  it('is kept, without a case, when it comes before the case exists', async () => {
    const b = 'HZ2026-910002';
    await fx.emit(OrderPlaced, b, { ...orderPlacedExample.value, batchNumber: b });
    await expectEventually(async () =>
      expect(
        await fx.service.app
          .get(DataSource)
          .query(`select 1 from enforcement_batch where batch_number = $1`, [b]),
      ).toHaveLength(1),
    );
    await fx.emit(TakedownReported, b, report(b));
    await expectEventually(async () =>
      expect(await takedowns(b)).toEqual([expect.objectContaining({ case_id: null, platform: 'taobao' })]),
    );
  });

  it.each([
    ['another platform', 'HZ2026-910003', { platform: 'jd' }, 'was placed on taobao, not on jd'],
    ['another listing', 'HZ2026-910004', { listingId: '7099999999' }, 'not on 7099999999'],
  ])("is triaged, not attached, when it names %s than the batch's order", async (_, b, over, reason) => {
    await fx.batch(b, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await fx.deliverAll(b);
    await fx.windowsRunOut();
    await fx.emit(TakedownReported, b, { ...report(b), ...over });
    const rows = await expectEventually(async () => {
      const found = (await fx.service.app
        .get(DataSource)
        .query(`select case_id, triage_reason from takedown_report where batch_number = $1`, [b])) as Array<{
        case_id: string | null;
        triage_reason: string | null;
      }>;
      expect(found).toHaveLength(1);
      return found;
    });
    expect(rows[0]).toEqual({ case_id: null, triage_reason: expect.stringContaining(reason) });
    const credit = (await fx.service.app
      .get(DataSource)
      .query(`select 1 from credit_entry where batch_number = $1 and kind = 'takedown-reported'`, [
        b,
      ])) as unknown[];
    expect(credit).toEqual([]);
  });

  it('is triaged for a batch of which no order is known', async () => {
    const b = 'HZ2026-910005';
    await fx.emit(TakedownReported, b, report(b));
    await expectEventually(async () =>
      expect(
        await fx.service.app
          .get(DataSource)
          .query(`select case_id, triage_reason from takedown_report where batch_number = $1`, [b]),
      ).toEqual([{ case_id: null, triage_reason: `no order is known for batch ${b}` }]),
    );
    const queue = await fx.call<Array<{ batchNumber: string; reason: string }>>(
      'GET',
      '/triage/takedowns',
      approver,
    );
    expect(queue.status).toBe(200);
    expect(queue.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ batchNumber: b, reason: `no order is known for batch ${b}` }),
      ]),
    );
  });
});
