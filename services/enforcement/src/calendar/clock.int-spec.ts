import { randomInt } from 'node:crypto';
import { ResultFinal, type ResultFinalValue } from '@qis/contracts';
import { expectEventually } from '@qis/testing';
import { EnforcementFixture, type Claims } from '../testing/enforcement-fixture';
import { holidaySchedule2027 } from '../testing/holiday-schedule-2027';

const admin: Claims = { roles: ['admin'], sub: 'admin-wang' };
const otherAdmin: Claims = { roles: ['admin'], sub: 'admin-li' };
const approver: Claims = { roles: ['approver'], sub: 'approver-zhou' };
const DAY = 86_400_000;

interface ClockBody {
  now: string;
  offsetMs: number;
  overridable: boolean;
}

/** The legal clocks run on one injectable clock, moved forward in test instead of back-dating records. */
describe("enforcement's clock", () => {
  let fx: EnforcementFixture;
  beforeAll(async () => {
    fx = await EnforcementFixture.start({ CLOCK_OVERRIDE_ENABLED: 'true' });
    // Moving 20 days from late in a year crosses into the next: its (illustrative) schedule in force.
    const submitted = await fx.call<{ id: string }>('POST', '/calendar/years', admin, holidaySchedule2027());
    expect(submitted.status).toBe(201);
    const approved = await fx.call('POST', '/calendar/years/2027/approve', otherAdmin, {
      scheduleId: submitted.body.id,
      note: '测试用',
    });
    expect(approved.status).toBe(200);
  }, 120_000);
  afterAll(() => fx?.stop());

  it('makes a result final and routes it once the objection window has run out on the moved clock', async () => {
    const b = `HZ2026-${String(randomInt(600_000, 699_999))}`;
    const now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    await fx.batch(b, { report: { issuedAt: now } });
    // Delivered now, not back-dated: the 15-day window is open.
    await fx.deliverAll(b, new Date(Date.parse(now) + 1000).toISOString());
    await fx.scan();
    expect(await fx.published<ResultFinalValue>(ResultFinal, b)).toEqual([]);

    const refused = await fx.call('POST', '/ops/clock', admin, { byMs: -DAY });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('byMs');
    const moved = await fx.call<ClockBody>('POST', '/ops/clock', admin, { byMs: 20 * DAY });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ offsetMs: 20 * DAY, overridable: true });
    expect(Date.parse(moved.body.now) - Date.now()).toBeGreaterThan(19 * DAY);

    await fx.scan();
    await expectEventually(async () =>
      expect(await fx.published<ResultFinalValue>(ResultFinal, b)).toEqual([
        expect.objectContaining({ batchNumber: b }),
      ]),
    );
    const cases = await fx.call<Array<{ batchNumber: string }>>('GET', '/cases', approver);
    expect(cases.body.map((c) => c.batchNumber)).toContain(b);
  });
});

describe("enforcement's clock without CLOCK_OVERRIDE_ENABLED", () => {
  let fx: EnforcementFixture;
  beforeAll(async () => {
    // The test stack sets it for every service: unset here.
    fx = await EnforcementFixture.start({ CLOCK_OVERRIDE_ENABLED: '' });
  }, 120_000);
  afterAll(() => fx?.stop());

  it('cannot be moved (409) and reads the wall clock', async () => {
    const refused = await fx.call<{ message: string }>('POST', '/ops/clock', admin, { byMs: DAY });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('CLOCK_OVERRIDE_ENABLED');
    const read = await fx.call<ClockBody>('GET', '/ops/clock', admin);
    expect(read.body).toMatchObject({ offsetMs: 0, overridable: false });
    expect(Math.abs(Date.parse(read.body.now) - Date.now())).toBeLessThan(60_000);
  });
});
