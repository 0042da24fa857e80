import { DataSource } from 'typeorm';
import { EnforcementFixture, type Claims } from '../testing/enforcement-fixture';
import { holidaySchedule2027 } from '../testing/holiday-schedule-2027';
import { CalendarSource } from '../kernel/calendar-source';
import { Clock } from '../kernel/clock';

interface NoticeBody {
  id: string;
  kind: string;
  recipient: string;
  dueAt: string | null;
  dueDatePendingYear: number | null;
}
interface AlertBody {
  kind: string;
  batchNumber: string | null;
  subjectId: string;
  message: string;
  resolvedAt: string | null;
}
interface ScheduleBody {
  id: string;
  year: number;
  status: string;
  submittedBy: string;
  decidedBy: string | null;
  decisionReason: string | null;
  resultNoticeDueDatesSet?: number;
}
interface YearBody {
  year: number;
  source: string;
  holidays: Array<{ name: string; dates: string[] }>;
  adjustedWorkingDays: string[];
  statutoryHolidays: Array<{ date: string; name: string }>;
  pending: ScheduleBody | null;
  schedules: ScheduleBody[];
}
interface ErrorBody {
  statusCode: number;
  message: string;
  rule?: string;
  errors?: Array<{ field: string; reasons: string[] }>;
}
interface AuditBody {
  items: Array<{ actor: string; action: string; entityId: string | null; detail: Record<string, unknown> }>;
}

const adminWang: Claims = { roles: ['admin'], sub: 'admin-wang' };
const adminLi: Claims = { roles: ['admin'], sub: 'admin-li' };
const planner: Claims = { roles: ['planner'], sub: 'planner-zhou' };
const auditor: Claims = { roles: ['auditor'], sub: 'auditor-sun' };
const approver: Claims = { roles: ['approver'], sub: 'approver-chen' };

let fx: EnforcementFixture;
let clock: Clock;

beforeAll(async () => {
  fx = await EnforcementFixture.start();
  clock = fx.service.app.get(Clock);
}, 120_000);

afterEach(() => jest.restoreAllMocks());
afterAll(() => fx?.stop());

const setNow = (iso: string): void => {
  jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
};
const alerts = async (kind: string): Promise<AlertBody[]> =>
  (await fx.call<AlertBody[]>('GET', '/alerts', adminLi)).body.filter((a) => a.kind === kind);
const dueDates = async (batchNumber: string): Promise<Array<[string, string | null, number | null]>> =>
  (await fx.notices<NoticeBody>(batchNumber, 'result', 3))
    .map((n): [string, string | null, number | null] => [n.recipient, n.dueAt, n.dueDatePendingYear])
    .sort();

describe("the bureau's holiday schedule, loaded through the API (four-eyes), on the real servers", () => {
  it('names the missing next year from 1 November (Asia/Shanghai), not a second earlier', async () => {
    setNow('2026-10-31T15:59:59.000Z'); // 23:59:59 on 31 October in Shanghai
    await fx.scan();
    expect(await alerts('calendar-year-missing')).toEqual([]);

    setNow('2026-10-31T16:00:00.000Z'); // midnight, 1 November in Shanghai
    await fx.scan();
    await fx.scan(); // once, however often the scan runs
    expect(await alerts('calendar-year-missing')).toEqual([
      expect.objectContaining({
        batchNumber: null,
        subjectId: 'calendar/2027',
        message: expect.stringMatching(/holiday schedule of 2027 is not loaded.*POST \/calendar\/years/),
        resolvedAt: null,
      }),
    ]);
  });

  it('keeps the fixed-date statutory holidays non-working before the year is loaded, and guesses nothing else', async () => {
    const year = await fx.call<YearBody>('GET', '/calendar/years/2027', planner);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2027, source: 'none', holidays: [], pending: null });
    expect(year.body.statutoryHolidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
    // The running service's calendar, as deadlines use it.
    const calendar = await fx.service.app.get(CalendarSource).current();
    for (const { date } of year.body.statutoryHolidays) expect(calendar.isWorkingDay(date)).toBe(false);
    expect(() => calendar.isWorkingDay('2027-10-08')).toThrow(/no working-day calendar for 2027/);

    const years = await fx.call<Array<{ year: number; source: string }>>('GET', '/calendar/years', approver);
    expect(years.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ year: 2026, source: 'package' }),
        expect.objectContaining({ year: 2027, source: 'none' }),
      ]),
    );
  });

  it('lets only an admin submit a schedule (403 for everyone else)', async () => {
    for (const who of [
      planner,
      approver,
      auditor,
      { roles: ['enforcement-officer'], jurisdiction: '330100' },
    ]) {
      const res = await fx.call<ErrorBody>('POST', '/calendar/years', who as Claims, holidaySchedule2027());
      expect(res.status).toBe(403);
    }
  });

  it.each([
    [
      'a holiday outside the year',
      holidaySchedule2027({
        holidays: [...holidaySchedule2027().holidays, { name: '跨年', dates: ['2028-01-01'] }],
      }),
      422,
      'holidays[7].dates[0]',
      /2028-01-01 is outside 2027/,
    ],
    [
      'a day both holiday and working day',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-10-06'] }),
      422,
      'adjustedWorkingDays[0]',
      /also a holiday \(国庆节\)/,
    ],
    [
      'National Day as a working day',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-10-01'] }),
      422,
      'adjustedWorkingDays[0]',
      /statutory holiday \(国庆节/,
    ],
    [
      'a date that is not YYYY-MM-DD',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-2-20'] }),
      400,
      'adjustedWorkingDays',
      /YYYY-MM-DD/,
    ],
    [
      'a holiday period without a name',
      holidaySchedule2027({ holidays: [{ dates: ['2027-01-01'] } as never] }),
      400,
      'holidays[0].name',
      /name/,
    ],
  ])('refuses %s, naming the field', async (_what, body, status, field, reason) => {
    const res = await fx.call<ErrorBody>('POST', '/calendar/years', adminWang, body);
    expect(res.status).toBe(status);
    const named = res.body.errors?.find((e) => e.field === field);
    expect(named?.reasons.join('; ')).toMatch(reason);
  });

  it('a 2027 schedule submitted by one admin and approved by another gives pending deadlines their due date, without a restart', async () => {
    // Reports received while 2027 is unknown: the 5th working day falls in 2027.
    await fx.batch('HZ2026-910001', { report: { issuedAt: '2026-12-28T02:00:00.000Z' } });
    await fx.batch('HZ2026-910002', {
      report: { reportNumber: 'ZJFZ2027-00001', issuedAt: '2027-02-03T02:00:00.000Z' },
    });
    expect(await dueDates('HZ2026-910001')).toEqual([
      ['platform', null, 2027],
      ['producer', null, 2027],
      ['seller', null, 2027],
    ]);
    expect(await dueDates('HZ2026-910002')).toEqual([
      ['platform', null, 2027],
      ['producer', null, 2027],
      ['seller', null, 2027],
    ]);
    // An instance that read the calendar before the approval (another process holds the same cache).
    const otherInstance = new CalendarSource(fx.service.app.get(DataSource));
    expect((await otherInstance.current()).schedule(2027)).toBeUndefined();

    const submitted = await fx.call<ScheduleBody>(
      'POST',
      '/calendar/years',
      adminWang,
      holidaySchedule2027(),
    );
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ year: 2027, status: 'submitted', submittedBy: 'admin-wang' });
    const scheduleId = submitted.body.id;
    // Submitted is not in force.
    expect((await fx.call<YearBody>('GET', '/calendar/years/2027', planner)).body).toMatchObject({
      source: 'none',
      pending: { id: scheduleId },
    });
    expect((await dueDates('HZ2026-910001'))[0]?.[1]).toBeNull();

    // Four-eyes: the submitter can neither approve nor return it.
    const self = await fx.call<ErrorBody>('POST', '/calendar/years/2027/approve', adminWang, { scheduleId });
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({
      rule: 'four-eyes',
      message: expect.stringMatching(/^four-eyes rule: admin-wang/),
    });
    const selfReturn = await fx.call<ErrorBody>('POST', '/calendar/years/2027/return', adminWang, {
      scheduleId,
      reason: '自己退回',
    });
    expect(selfReturn.status).toBe(409);
    expect(selfReturn.body.rule).toBe('four-eyes');
    // A second submission waits for the first to be decided.
    expect((await fx.call('POST', '/calendar/years', adminLi, holidaySchedule2027())).status).toBe(409);

    const approved = await fx.call<ScheduleBody>('POST', '/calendar/years/2027/approve', adminLi, {
      scheduleId,
      note: '已与通知逐日核对',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      submittedBy: 'admin-wang',
      decidedBy: 'admin-li',
      resultNoticeDueDatesSet: 6,
    });

    // 12-29, 12-30, 12-31, (元旦 01-01–01-03), 01-04, 01-05: the 5th working day.
    expect(await dueDates('HZ2026-910001')).toEqual([
      ['platform', '2027-01-05T15:59:59.999Z', null],
      ['producer', '2027-01-05T15:59:59.999Z', null],
      ['seller', '2027-01-05T15:59:59.999Z', null],
    ]);
    // 02-04, (春节 02-05–02-13), 02-14 the 调休 Sunday, 02-15, 02-16, 02-17.
    expect(await dueDates('HZ2026-910002')).toEqual([
      ['platform', '2027-02-17T15:59:59.999Z', null],
      ['producer', '2027-02-17T15:59:59.999Z', null],
      ['seller', '2027-02-17T15:59:59.999Z', null],
    ]);
    const scheduled = (await fx.service.app
      .get(DataSource)
      .query(
        `select batch_number, count(*)::int as n from deadline where kind = 'result-notice' group by batch_number`,
      )) as Array<{
      batch_number: string;
      n: number;
    }>;
    expect(scheduled.filter((r) => r.batch_number.startsWith('HZ2026-91000'))).toEqual(
      expect.arrayContaining([
        { batch_number: 'HZ2026-910001', n: 3 },
        { batch_number: 'HZ2026-910002', n: 3 },
      ]),
    );
    // The other instance sees the approval on its next read; no restart anywhere.
    expect((await otherInstance.current()).schedule(2027)?.source).toBe('loaded');

    // A report arriving now is computed on the loaded year at once: across 国庆节 and the 调休 Saturday 10-09.
    await fx.batch('HZ2026-910003', {
      report: { reportNumber: 'ZJFZ2027-00002', issuedAt: '2027-09-29T02:00:00.000Z' },
    });
    expect((await dueDates('HZ2026-910003')).map((d) => d[1])).toEqual([
      '2027-10-12T15:59:59.999Z',
      '2027-10-12T15:59:59.999Z',
      '2027-10-12T15:59:59.999Z',
    ]);

    // The year's view, the alerts resolved, the scan has nothing left for 2027.
    const year = await fx.call<YearBody>('GET', '/calendar/years/2027', auditor);
    expect(year.body).toMatchObject({
      source: 'loaded',
      pending: null,
      adjustedWorkingDays: holidaySchedule2027().adjustedWorkingDays,
    });
    expect(year.body.holidays.find((h) => h.name === '春节')?.dates).toHaveLength(9);
    expect(
      (await alerts('calendar-year-missing')).find((a) => a.subjectId === 'calendar/2027')?.resolvedAt,
    ).not.toBeNull();
    expect(
      (await alerts('calendar-year-unknown'))
        .filter((a) => a.batchNumber === 'HZ2026-910001')
        .map((a) => a.resolvedAt),
    ).toEqual([expect.any(String)]);
    setNow('2026-12-05T04:00:00.000Z');
    await fx.scan();
    expect((await alerts('calendar-year-missing')).filter((a) => a.resolvedAt === null)).toEqual([]);

    // Audited: who loaded, who approved, and each due date set on approval.
    const audit = await fx.call<AuditBody>(
      'GET',
      `/audit?entityType=holiday-schedule&entityId=${scheduleId}`,
      auditor,
    );
    expect(audit.body.items.map((e) => [e.action, e.actor]).sort()).toEqual([
      ['holiday-schedule.approve', 'admin-li'],
      ['holiday-schedule.submit', 'admin-wang'],
    ]);
    const dueSet = await fx.call<AuditBody>('GET', '/audit?entityType=batch&entityId=HZ2026-910001', auditor);
    expect(dueSet.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'notice.due-date-set',
          actor: 'admin-li',
          detail: expect.objectContaining({ dueAt: '2027-01-05T15:59:59.999Z' }),
        }),
      ]),
    );
  });

  it('returns a schedule with the reason (a second admin), after which a corrected one is submitted', async () => {
    const schedule2028 = {
      year: 2028,
      noticeReference: '国办发明电〔2027〕示例号',
      holidays: [
        { name: '元旦', dates: ['2028-01-01', '2028-01-02', '2028-01-03'] },
        { name: '劳动节', dates: ['2028-05-01', '2028-05-02', '2028-05-03'] },
        { name: '国庆节', dates: ['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04'] },
      ],
      adjustedWorkingDays: ['2028-04-29'],
    };
    const first = await fx.call<ScheduleBody>('POST', '/calendar/years', adminWang, schedule2028);
    expect(first.status).toBe(201);
    const wrongYear = await fx.call<ErrorBody>('POST', '/calendar/years/2027/return', adminLi, {
      scheduleId: first.body.id,
      reason: '年份不符',
    });
    expect(wrongYear.status).toBe(404);
    const returned = await fx.call<ScheduleBody>('POST', '/calendar/years/2028/return', adminLi, {
      scheduleId: first.body.id,
      reason: '国庆节放假天数与通知不符',
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      decidedBy: 'admin-li',
      decisionReason: '国庆节放假天数与通知不符',
    });
    const late = await fx.call<ErrorBody>('POST', '/calendar/years/2028/approve', adminLi, {
      scheduleId: first.body.id,
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/is returned/);
    const corrected = await fx.call<ScheduleBody>('POST', '/calendar/years', adminWang, schedule2028);
    expect(corrected.status).toBe(201);
    const year = await fx.call<YearBody>('GET', '/calendar/years/2028', planner);
    expect(year.body.schedules.map((s) => s.status)).toEqual(['submitted', 'returned']);
  });
});
