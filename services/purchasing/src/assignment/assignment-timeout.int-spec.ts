import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import {
  issuedBatch,
  publishBatchIssued,
  PurchasingClient,
  uniquePlatform,
} from '../testing/purchasing-fixtures';

jest.setTimeout(90_000);

describe('assignment deadline', () => {
  let service: TestService<PurchasingConfig>;
  let producer: Producer;

  beforeAll(async () => {
    service = await startTestService(purchasingService, {
      ...identityKeyEnv(),
      PURCHASING_ASSIGNMENT_TIMEOUT_SECONDS: '2',
      PURCHASING_SCHEDULER_INTERVAL_MS: '300',
    });
    producer = new Kafka({
      clientId: 'purchasing-timeout-test',
      brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  it('reassigns a batch whose buyer did not record the order by the deadline, and audits the timeout', async () => {
    const client = new PurchasingClient(service);
    const platform = uniquePlatform();
    const one = await client.qualifiedBuyer(platform);
    const two = await client.qualifiedBuyer(platform);
    await client.address();
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    const first = await expectEventually(async () => {
      const res = await client.admin('GET', `/tasks/${batch.batchNumber}`);
      expect(res.body['status']).toBe('assigned');
      return res.body['buyerId'] as string;
    });
    const second = first === one.id ? two.id : one.id;
    await expectEventually(
      async () => {
        const res = await client.admin('GET', `/tasks/${batch.batchNumber}`);
        expect(res.body).toMatchObject({ status: 'assigned', buyerId: second });
      },
      { timeoutMs: 15_000 },
    );
    const audit = await client.call('GET', `/audit?entityType=purchase-task&entityId=${batch.batchNumber}`, {
      roles: ['auditor'],
    });
    const actions = (audit.body['items'] as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['task.open', 'task.assign', 'task.timeout']));
  });
});
