import { randomInt } from 'node:crypto';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, orderPlacedExample, type Claims } from '../testing/enforcement-fixture';
import type { EnforcementOverviewView } from './enforcement-overview.view';

const officer = (jurisdiction: string): Claims => ({
  roles: ['enforcement-officer'],
  jurisdiction,
  sub: `officer-${jurisdiction}`,
});
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-sun' };

/** The month of `at` in Asia/Shanghai. */
const shanghaiMonth = (at: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at).slice(0, 7);

/**
 * The dashboard's enforcement figures on the real servers: two failed batches whose platform
 * operators sit in 余杭 (330110) and 滨江 (330108), their result notices delivered at once, the
 * objection windows run out: both final, both routed. The city and the auditor see both; each
 * district only its own.
 */
describe('GET /statistics/overview', () => {
  let fx: EnforcementFixture;
  const yuhang = `HZ2026-${String(randomInt(600_000, 649_999))}`;
  const binjiang = `HZ2026-${String(randomInt(650_000, 699_999))}`;

  const overview = async (claims: Claims, month?: string) => {
    const res = await fx.call<EnforcementOverviewView>(
      'GET',
      `/statistics/overview${month ? `?month=${month}` : ''}`,
      claims,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  /** The month (Asia/Shanghai) the result notices fell due: near a month's end, the next one. */
  let dueMonth = '';

  beforeAll(async () => {
    fx = await EnforcementFixture.start();
    for (const [batch, area] of [
      [yuhang, '330110'],
      [binjiang, '330108'],
    ] as const) {
      await fx.batch(batch, {
        order: { platform: { ...orderPlacedExample.value.platform!, operatorRegisteredAreaCode: area } },
        report: { issuedAt: (await fx.now()).toISOString() },
      });
      const [notice] = await fx.notices<{ kind: string; dueAt: string | null }>(batch, 'result', 2);
      dueMonth = shanghaiMonth(new Date(notice!.dueAt!));
      await fx.deliverAll(batch);
    }
  }, 120_000);

  afterAll(() => fx?.stop());

  it('counts delivered notices as met in their month, by the batches each caller may see', async () => {
    // Without a month, this month on the service's clock.
    expect((await overview(officer('330100'))).month).toBe(shanghaiMonth(await fx.now()));
    const city = await overview(officer('330100'), dueMonth);
    expect(city.jurisdiction).toBe('330100');
    expect(city.month).toBe(dueMonth);
    expect(city.batchesByStage.find((s) => s.stage === 'notified')?.batches).toBe(2);
    const notices = city.deadlines.find((d) => d.kind === 'result-notice');
    expect(notices?.met).toBeGreaterThanOrEqual(2);
    expect(notices?.missed).toBe(0);
    // A district officer has no case yet: nothing of the bureau's batches.
    const district = await overview(officer('330108'));
    expect(district.batchesByStage.every((s) => s.batches === 0)).toBe(true);
    expect(district.casesByArea).toEqual([]);
    // Another month counts no deadline.
    const other = await overview(auditor, '2020-01');
    expect(other.deadlines.every((d) => d.met + d.missed + d.open === 0)).toBe(true);
  });

  it('once the windows run out: cases per area, each district sees only its own', async () => {
    await fx.windowsRunOut();
    await expectEventually(
      async () => {
        const all = await overview(auditor);
        expect(all.jurisdiction).toBeNull();
        expect(all.casesByArea.map((a) => [a.areaCode, a.routed, a.total])).toEqual([
          ['330108', 1, 1],
          ['330110', 1, 1],
        ]);
        expect(all.batchesByStage.find((s) => s.stage === 'final')?.batches).toBe(2);
      },
      { timeoutMs: 30_000 },
    );
    const binjiangView = await overview(officer('330108'));
    expect(binjiangView.casesByArea.map((a) => a.areaCode)).toEqual(['330108']);
    expect(binjiangView.batchesByStage.find((s) => s.stage === 'final')?.batches).toBe(1);
    expect(JSON.stringify(binjiangView)).not.toContain('330110');
  });

  it('refuses a malformed month with 400 naming it', async () => {
    const res = await fx.call<{ message: unknown }>('GET', '/statistics/overview?month=2026-13', auditor);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('month');
  });
});
