import { summarizeDeadLetter } from './dead-letter-summary';
import type { DeadLetter } from './dead-letters';

const letter = (headers: Record<string, string>): DeadLetter => ({
  topic: 'lab.report-issued.v1.dlq',
  partition: 2,
  offset: '17',
  key: 'HZ2026-000123',
  value: Buffer.from('{}'),
  headers,
});

describe('summarizeDeadLetter', () => {
  it('reads position, failure and reasons from the dead-letter headers', () => {
    expect(
      summarizeDeadLetter(
        letter({
          'message-id': '0b6f3c1e-8c43-4a8e-9d51-3f7f6f0f0a11',
          type: 'lab.report-issued',
          'original-topic': 'lab.report-issued.v1',
          'original-partition': '1',
          'original-offset': '40',
          'consumer-group': 'qis-enforcement',
          'failed-at': '2026-12-05T08:00:00.000Z',
          'error-kind': 'poison',
          'error-message': 'value fails validation',
          'error-reasons': JSON.stringify([{ field: 'items[0].unit', reasons: ['unit must be a string'] }]),
          'error-attempts': '0',
        }),
      ),
    ).toEqual({
      position: '2:17',
      partition: 2,
      offset: '17',
      key: 'HZ2026-000123',
      messageId: '0b6f3c1e-8c43-4a8e-9d51-3f7f6f0f0a11',
      type: 'lab.report-issued',
      originalTopic: 'lab.report-issued.v1',
      originalPartition: 1,
      originalOffset: '40',
      consumerGroup: 'qis-enforcement',
      failedAt: '2026-12-05T08:00:00.000Z',
      errorKind: 'poison',
      errorMessage: 'value fails validation',
      reasons: [{ field: 'items[0].unit', reasons: ['unit must be a string'] }],
      attempts: 0,
      replayCount: 0,
    });
  });

  it('keeps reasons that are not JSON as one reason, and absent headers as null', () => {
    const summary = summarizeDeadLetter(letter({ 'error-reasons': 'broken', 'replay-count': '2' }));
    expect(summary.reasons).toEqual([{ field: '(value)', reasons: ['broken'] }]);
    expect(summary).toMatchObject({ messageId: null, attempts: null, failedAt: null, replayCount: 2 });
  });
});
