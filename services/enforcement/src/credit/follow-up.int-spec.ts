import { BatchIssued, ResultFinal, type ResultFinalValue } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, orderPlacedExample, reportIssuedExample } from '../testing/enforcement-fixture';

interface ProposalBody {
  batchNumber: string;
  followUpBatchNumber: string | null;
  outcome: string | null;
}
interface CreditBody {
  failures: number;
  followUpsPassed: number;
  followUpsFailed: number;
  entries: Array<{ kind: string; batchNumber: string; detail: Record<string, unknown> }>;
}

const planner = { roles: ['planner'], sub: 'planner-zhao' };

let fx: EnforcementFixture;

beforeAll(async () => {
  fx = await EnforcementFixture.start();
}, 120_000);

afterAll(() => fx?.stop());

describe('targeted follow-up sampling closes the loop on the credit file', () => {
  it("proposes a follow-up after a final failure, links planning's follow-up batch, and files its outcome", async () => {
    const failed = 'HZ2026-930001';
    await fx.batch(failed, { report: { issuedAt: '2026-05-29T02:00:00.000Z' } });
    await fx.deliverAll(failed);
    await fx.windowsRunOut();
    expect(await fx.published<ResultFinalValue>(ResultFinal, failed)).toEqual([
      expect.objectContaining({ verdict: 'fail' }),
    ]);

    // Planning issues the follow-up batch for it; the seller is bought from again and passes.
    const followUp = 'HZ2026-930002';
    await fx.emit(BatchIssued, followUp, {
      ...BatchIssued.example.value,
      batchNumber: followUp,
      planKind: 'follow-up',
      followUpOf: failed,
    });
    await expectEventually(async () => {
      const proposals = await fx.call<ProposalBody[]>('GET', '/follow-up-proposals', planner);
      expect(proposals.body.find((p) => p.batchNumber === failed)).toMatchObject({
        followUpBatchNumber: followUp,
        outcome: null,
      });
    });
    await fx.batch(followUp, {
      report: {
        reportNumber: 'ZJFZ2026-F-00001',
        verdict: 'pass',
        items: reportIssuedExample.value.items.map((i) => ({ ...i, verdict: 'pass' as const })),
        failingItems: [],
        issuedAt: '2026-06-20T02:00:00.000Z',
      },
    });
    await fx.deliverAll(followUp);
    await fx.windowsRunOut();
    expect(await fx.published<ResultFinalValue>(ResultFinal, followUp)).toEqual([
      expect.objectContaining({ verdict: 'pass', basis: 'no-objection' }),
    ]);

    const proposals = await fx.call<ProposalBody[]>('GET', '/follow-up-proposals', planner);
    expect(proposals.body.find((p) => p.batchNumber === failed)).toMatchObject({
      followUpBatchNumber: followUp,
      outcome: 'pass',
    });
    const code = orderPlacedExample.value.seller.unifiedSocialCreditCode as string;
    const credit = await fx.call<CreditBody>('GET', `/credit/${code}`, planner);
    expect(credit.body).toMatchObject({ failures: 1, followUpsPassed: 1, followUpsFailed: 0 });
    expect(credit.body.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'follow-up-pass',
          batchNumber: followUp,
          detail: expect.objectContaining({ followUpOf: failed, reportNumber: 'ZJFZ2026-F-00001' }),
        }),
      ]),
    );
  });
});
