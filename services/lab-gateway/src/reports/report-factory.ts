import { plainToInstance } from 'class-transformer';
import { SubmitReportCommand } from './submit-report.command';

/** A valid silk-quilt report for sample HZ2026-000123-S (tests override what they need). */
export function createReport(overrides: Partial<SubmitReportCommand> = {}): SubmitReportCommand {
  return plainToInstance(SubmitReportCommand, {
    reportNumber: 'ZJFZ2026-W-01234',
    sample: { sampleCode: 'HZ2026-000123-S', conditionOnReceipt: '封样完好', receivedOn: '2026-03-06' },
    testedFrom: '2026-03-09',
    testedTo: '2026-03-13',
    items: [
      {
        item: '蚕丝含量',
        standard: 'GB/T 24252-2019 5.2',
        requirement: '≥ 100.0',
        measuredValue: '62.3',
        unit: '%',
        verdict: 'fail',
      },
      {
        item: '质量偏差率',
        standard: 'GB/T 24252-2019 5.3',
        requirement: '≥ -5.0',
        measuredValue: '-1.2',
        unit: '%',
        verdict: 'pass',
      },
      {
        item: '纤维含量',
        standard: 'GB/T 24252-2019 5.4',
        requirement: '符合标识',
        measuredValue: '符合',
        verdict: 'pass',
      },
    ],
    verdict: 'fail',
    failingItems: ['蚕丝含量'],
    reportDocumentId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    authorisedBy: '王工',
    authorisedTitle: '授权签字人',
    issuedAt: '2026-03-16T08:00:00.000Z',
    ...overrides,
  });
}
