import { expectEventually } from '@qis/testing';
import { EnforcementFixture, orderPlacedExample } from '../testing/enforcement-fixture';

interface CaseBody {
  id: string;
  batchNumber: string;
  status: string;
  overdue?: boolean;
  explanation: string;
  penaltyFen: number | null;
  penaltyDecisionNumber: string | null;
  legalBasis: string | null;
  batch?: { listingTitle: string | null; reportNumber: string | null; failingItems: string[] };
}
interface TriageBody {
  id: string;
  batchNumber: string;
  status: string;
  reason: string;
  sellerName: string | null;
  suggestion: { areaCode: string; areaName: string; reason: string } | null;
}

const approver = { roles: ['approver'], sub: 'approver-zhou' };
const binjiang = { roles: ['enforcement-officer'], jurisdiction: '330108', sub: 'officer-330108' };
const platform = orderPlacedExample.value.platform!;
const own = 'HZ2026-950001';
const foreign = 'HZ2026-950002';
const untraced = 'HZ2026-950003';

let fx: EnforcementFixture;
const cases = async (query = '') =>
  (await fx.call<CaseBody[]>('GET', `/cases${query}`, binjiang)).body.map((c) => c.batchNumber);

beforeAll(async () => {
  fx = await EnforcementFixture.start();
  await fx.batch(own, { order: { platform: { ...platform, operatorRegisteredAreaCode: '330108' } } });
  await fx.batch(foreign, {
    order: {
      platform: { ...platform, operatorRegisteredAreaCode: '330110' },
      seller: { ...orderPlacedExample.value.seller, name: '杭州另一家纺有限公司' },
    },
  });
  // The platform operator's district is unknown: routing cannot prove where the case goes.
  const { operatorRegisteredAreaCode: _a, operatorUnifiedSocialCreditCode: _c, ...unknown } = platform;
  await fx.batch(untraced, {
    order: {
      platform: unknown,
      seller: { ...orderPlacedExample.value.seller, registeredAreaCode: '330108' },
    },
  });
  for (const b of [own, foreign, untraced]) await fx.deliverAll(b);
  await fx.windowsRunOut();
  await expectEventually(
    async () => {
      const all = await fx.call<CaseBody[]>('GET', '/cases', approver);
      expect(all.body.map((c) => c.batchNumber).sort()).toEqual([own, foreign]);
    },
    { timeoutMs: 30_000 },
  );
}, 240_000);

afterAll(() => fx?.stop());

describe("the officer's case desk", () => {
  it('lists only the district’s cases, filtered by status, batch and seller', async () => {
    expect(await cases()).toEqual([own]);
    expect(await cases('?status=open')).toEqual([own]);
    expect(await cases('?status=closed')).toEqual([]);
    expect(await cases(`?batchNumber=${foreign}`)).toEqual([]);
    expect(await cases(`?seller=${encodeURIComponent('示例家纺')}`)).toEqual([own]);
    expect(await cases(`?seller=${orderPlacedExample.value.seller.unifiedSocialCreditCode!}`)).toEqual([own]);
    const bad = await fx.call<{ errors: Array<{ field: string }> }>('GET', '/cases?status=lost', binjiang);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.field).toBe('status');
  });

  it("shows a case with the routing decision and its batch's facts; a foreign case is 404", async () => {
    const [listed] = (await fx.call<CaseBody[]>('GET', '/cases', binjiang)).body;
    const detail = await fx.call<CaseBody>('GET', `/cases/${listed!.id}`, binjiang);
    expect(detail.status).toBe(200);
    expect(detail.body.explanation).toContain('330108');
    expect(detail.body.overdue).toBe(false);
    expect(detail.body.batch).toMatchObject({
      listingTitle: orderPlacedExample.value.listing.title,
      reportNumber: expect.any(String),
    });
    expect(detail.body.batch?.failingItems.length).toBeGreaterThan(0);
    const other = (await fx.call<CaseBody[]>('GET', '/cases', approver)).body.find(
      (c) => c.batchNumber === foreign,
    );
    expect((await fx.call('GET', `/cases/${other!.id}`, binjiang)).status).toBe(404);
  });

  it('closes a case with a penalty, its decision number and legal basis, on the credit file too', async () => {
    const [listed] = (await fx.call<CaseBody[]>('GET', '/cases', binjiang)).body;
    const id = listed!.id;
    const noPenalty = await fx.call<{ errors: Array<{ field: string }> }>(
      'POST',
      `/cases/${id}/close`,
      binjiang,
      { outcomes: ['rectification'], penaltyDecisionNumber: '杭滨市监处罚〔2026〕18号' },
    );
    expect(noPenalty.status).toBe(422);
    expect(noPenalty.body.errors[0]?.field).toBe('penaltyDecisionNumber');
    expect((await fx.call('POST', `/cases/${id}/accept`, binjiang)).status).toBe(200);
    expect((await fx.call('POST', `/cases/${id}/investigate`, binjiang)).status).toBe(200);
    const closed = await fx.call<CaseBody>('POST', `/cases/${id}/close`, binjiang, {
      outcomes: ['penalty', 'rectification'],
      penaltyFen: 1_500_000,
      penaltyDecisionNumber: '杭滨市监处罚〔2026〕18号',
      legalBasis: '《中华人民共和国产品质量法》第五十条',
      summary: '没收违法所得，罚款一万五千元，责令整改',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      penaltyFen: 1_500_000,
      penaltyDecisionNumber: '杭滨市监处罚〔2026〕18号',
      legalBasis: '《中华人民共和国产品质量法》第五十条',
    });
    expect(await cases('?status=open')).toEqual([]);
    const credit = await fx.call<{ entries: Array<{ kind: string; detail: Record<string, unknown> }> }>(
      'GET',
      `/credit/${orderPlacedExample.value.seller.unifiedSocialCreditCode!}`,
      binjiang,
    );
    expect(credit.body.entries.find((e) => e.kind === 'penalty')?.detail).toMatchObject({
      penaltyFen: 1_500_000,
      decisionNumber: '杭滨市监处罚〔2026〕18号',
      legalBasis: '《中华人民共和国产品质量法》第五十条',
    });
  });

  it("shows triage with the resolver's suggestion and why; the district a person chose routes it", async () => {
    const items = (await fx.call<TriageBody[]>('GET', '/triage', approver)).body;
    const item = items.find((t) => t.batchNumber === untraced);
    expect(item).toMatchObject({
      status: 'open',
      sellerName: orderPlacedExample.value.seller.name,
      suggestion: { areaCode: '330108', areaName: '杭州市滨江区' },
    });
    expect(item?.suggestion?.reason).toContain('330108');
    const resolved = await fx.call<CaseBody>('POST', `/triage/${item!.id}/resolve`, approver, {
      areaCode: '330108',
      reason: '经核实平台经营者住所在滨江区',
    });
    expect(resolved.status).toBe(200);
    expect(await cases()).toEqual(expect.arrayContaining([untraced, own]));
    const after = (await fx.call<TriageBody[]>('GET', '/triage', approver)).body;
    expect(after.find((t) => t.batchNumber === untraced)).toMatchObject({
      status: 'resolved',
      suggestion: null,
    });
  });
});
