import { validationMismatches } from './fuzz-report';

// The WARNINGS section of a schemathesis 4.32.5 report, as it printed it for planning.
const report = `=================================== WARNINGS ===================================

Missing test data: 1 operation repeatedly returned 404 Not Found, preventing tests from reaching your API's core logic

  - GET /batches/{batchNumber}/stages

Schema validation mismatch: 2 operations mostly rejected generated data due to validation errors, indicating schema constraints don't match API validation

  - POST /plans
  - POST /signals

💡 Check your schema constraints - API validation may be stricter than documented
`;

describe('validationMismatches', () => {
  it('reads the operations of the mismatch warning, not those of other warnings', () => {
    expect(validationMismatches(report)).toEqual(['POST /plans', 'POST /signals']);
  });

  it('finds none in a report without the warning', () => {
    expect(validationMismatches(report.replace(/Schema validation mismatch[\s\S]*/, ''))).toEqual([]);
  });
});
