import { TakedownReported, type TakedownReportedValue } from '@qis/contracts';
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
    await fx.deliverAll(b, '2026-06-01T02:00:00.000Z');
    await fx.scan();
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
    await fx.emit(TakedownReported, b, report(b));
    await expectEventually(async () =>
      expect(await takedowns(b)).toEqual([expect.objectContaining({ case_id: null, platform: 'taobao' })]),
    );
  });
});
