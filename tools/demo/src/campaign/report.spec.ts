import type { BatchOutcome } from './campaign';
import { displayWidth, progressLine, stageCounts, summary } from './report';

const outcome = (
  batchNumber: string,
  at: BatchOutcome['at'],
  extra: Partial<BatchOutcome> = {},
): BatchOutcome => ({
  batchNumber,
  category: 'silk-quilt',
  platform: 'yungou',
  ownSite: false,
  script: { verdict: 'pass' },
  at,
  labIds: [],
  notices: [],
  publicNotice: false,
  ...extra,
});

describe('campaign report', () => {
  const outcomes = [
    outcome(
      'HZ2026-000001',
      { issued: 1, reported: 2, notified: 3, final: 4, published: 5 },
      { finalVerdict: 'pass' },
    ),
    outcome(
      'HZ2026-000002',
      { issued: 1, reported: 2, notified: 3, final: 4, routed: 5, closed: 6, published: 7 },
      {
        script: { verdict: 'fail' },
        finalVerdict: 'fail',
        caseAuthority: { kind: 'district', areaCode: '330110', name: '杭州市余杭区市场监督管理局' },
      },
    ),
    outcome('HZ2026-000003', { issued: 1 }, { error: 'after issued: timed out waiting for assignment' }),
  ];

  it('counts a batch in every stage it reached', () => {
    expect(stageCounts(outcomes)).toMatchObject({
      issued: 3,
      reported: 2,
      final: 2,
      routed: 1,
      published: 2,
    });
    expect(progressLine(outcomes, 3)).toContain('published 2 · errors 1');
  });

  it('sums up pass rate, detection rate, cases per jurisdiction and errors, with the public page', () => {
    const text = summary(outcomes, 'http://127.0.0.1:7106/');
    expect(text).toMatch(/final pass rate\s+50\.0%/);
    expect(text).toMatch(/final non-conformity detection rate\s+50\.0%/);
    expect(text).toMatch(/杭州市余杭区市场监督管理局 \(330110\)\s+1/);
    expect(text).toContain('HZ2026-000003: after issued: timed out waiting for assignment');
    expect(text).toContain('Public page: http://127.0.0.1:7106/');
  });

  it('measures Chinese text as two columns a character, so tables line up in a terminal', () => {
    expect(displayWidth('published')).toBe(9);
    expect(displayWidth('杭州市 (330100)')).toBe(15);
  });
});
