import { createReport } from './report-factory';
import { reportProblems, type ReportRulesContext } from './report-rules';

const context = (overrides: Partial<ReportRulesContext> = {}): ReportRulesContext => ({
  category: 'silk-quilt',
  catalogue: new Map([
    ['蚕丝含量', true],
    ['质量偏差率', true],
    ['纤维含量', true],
    ['杂质含量', false],
  ]),
  sampleCode: 'HZ2026-000123-S',
  dispatchedOn: '2026-03-05',
  today: '2026-03-20',
  now: new Date('2026-03-20T02:00:00.000Z'),
  latestReportNumber: null,
  reportNumbers: [],
  ...overrides,
});
const fields = (problems: ReturnType<typeof reportProblems>) =>
  Object.fromEntries(problems.map((p) => [p.field, p.reasons]));

describe('reportProblems', () => {
  it('accepts a consistent report with every mandatory item', () => {
    expect(reportProblems(createReport(), context())).toEqual([]);
  });

  it('names an unknown test item for the category and a missing mandatory item together', () => {
    const report = createReport();
    report.items[2] = { ...report.items[2], item: '甲醛含量' };
    expect(fields(reportProblems(report, context()))).toEqual({
      'items[2].item': ["unknown test item '甲醛含量' for category silk-quilt"],
      items: ["missing mandatory test item '纤维含量'"],
    });
  });

  it('refuses an overall pass with a failing item, and lists the failing item as unlisted', () => {
    expect(fields(reportProblems(createReport({ verdict: 'pass', failingItems: [] }), context()))).toEqual({
      verdict: ['overall verdict pass but these items fail: 蚕丝含量'],
      failingItems: ["failing item '蚕丝含量' is not listed"],
    });
  });

  it('refuses an overall fail when no item fails, and a failing item that passed', () => {
    const report = createReport({ failingItems: ['质量偏差率'] });
    report.items[0] = { ...report.items[0], verdict: 'pass' };
    expect(fields(reportProblems(report, context()))).toEqual({
      verdict: ['overall verdict fail but no item has verdict fail'],
      'failingItems[0]': ["'质量偏差率' is not an item with verdict fail"],
    });
  });

  it('refuses a test item reported twice', () => {
    const report = createReport();
    report.items.push({ ...report.items[1] });
    expect(fields(reportProblems(report, context()))['items[3].item']).toEqual([
      "test item '质量偏差率' is reported twice",
    ]);
  });

  it('refuses another sample code and dates out of order', () => {
    const report = createReport({
      sample: { sampleCode: 'HZ2026-000999-S', conditionOnReceipt: '完好', receivedOn: '2026-03-04' },
      testedFrom: '2026-03-03',
      testedTo: '2026-03-02',
      issuedAt: '2026-03-01T08:00:00.000Z',
    });
    expect(fields(reportProblems(report, context()))).toEqual({
      'sample.sampleCode': ['does not match the dispatched sample HZ2026-000123-S'],
      'sample.receivedOn': ['is before the sample was dispatched (2026-03-05)'],
      testedFrom: ['is before the date of receipt'],
      testedTo: ['is before testedFrom'],
      issuedAt: ['is before testing ended'],
    });
  });

  it('requires a second report on an assignment to amend the latest one, with a reason', () => {
    const ctx = context({ latestReportNumber: 'ZJFZ2026-W-01234', reportNumbers: ['ZJFZ2026-W-01234'] });
    expect(fields(reportProblems(createReport({ reportNumber: 'ZJFZ2026-W-01235' }), ctx))).toEqual({
      amendsReportNumber: [
        'this assignment already has report ZJFZ2026-W-01234; an amended report must name it',
      ],
    });
    expect(
      fields(
        reportProblems(createReport({ reportNumber: 'ZJFZ2026-W-01235', amendsReportNumber: 'X-1' }), ctx),
      ),
    ).toEqual({
      amendmentReason: ['is required for an amended report'],
      amendsReportNumber: ['must name the latest report of this assignment, ZJFZ2026-W-01234'],
    });
    expect(
      reportProblems(
        createReport({
          reportNumber: 'ZJFZ2026-W-01235',
          amendsReportNumber: 'ZJFZ2026-W-01234',
          amendmentReason: '单位笔误',
        }),
        ctx,
      ),
    ).toEqual([]);
  });
});
