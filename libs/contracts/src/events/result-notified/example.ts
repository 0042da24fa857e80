import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ResultNotifiedKey } from './key';
import type { ResultNotifiedValue } from './value';

export const resultNotifiedExample: EventExample<ResultNotifiedKey, ResultNotifiedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    reportNumber: 'ZJFZ2026-W-01234',
    verdict: 'fail',
    deliveries: [
      {
        recipient: 'seller',
        channel: 'post',
        noticeNumber: 'JG2026-000456',
        sentAt: '2026-03-18T02:00:00.000Z',
        receivedAt: '2026-03-20T05:30:00.000Z',
      },
      {
        recipient: 'producer',
        channel: 'post',
        noticeNumber: 'JG2026-000457',
        sentAt: '2026-03-18T02:00:00.000Z',
      },
      {
        recipient: 'platform',
        channel: 'platform-message',
        noticeNumber: 'JG2026-000458',
        sentAt: '2026-03-18T02:05:00.000Z',
        receivedAt: '2026-03-18T02:05:00.000Z',
      },
    ],
    objectionDeadline: '2026-04-04',
    notifiedAt: '2026-03-18T02:05:00.000Z',
  },
};
