import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { Producer } from 'kafkajs';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import {
  connectedProducer,
  issuedBatch,
  publishBatchIssued,
  PurchasingClient,
  uniquePlatform,
} from '../testing/purchasing-fixtures';

jest.setTimeout(90_000);

describe('a buyer who is no longer active', () => {
  let service: TestService<PurchasingConfig>;
  let client: PurchasingClient;
  let producer: Producer;

  beforeAll(async () => {
    service = await startTestService(purchasingService, {
      ...identityKeyEnv(),
      PURCHASING_SCHEDULER_INTERVAL_MS: '300',
    });
    client = new PurchasingClient(service);
    producer = await connectedProducer('purchasing-buyer-status-test');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const assignedTo = async (platform: string) => {
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    await expectEventually(async () => {
      const task = await client.admin('GET', `/tasks/${batch.batchNumber}`);
      expect(task.body['buyerId']).toBe(buyer.id);
    });
    return { buyer, batchNumber: batch.batchNumber };
  };

  it.each(['suspended', 'retired'])(
    'loses their tasks and delivery details at once when %s (404 like a missing batch)',
    async (status) => {
      const { buyer, batchNumber } = await assignedTo(uniquePlatform());
      expect((await client.call('GET', `/tasks/${batchNumber}/delivery`, buyer.claims)).status).toBe(200);

      expect((await client.admin('PUT', `/buyers/${buyer.id}/status`, { status })).status).toBe(204);

      const delivery = await client.call('GET', `/tasks/${batchNumber}/delivery`, buyer.claims);
      expect(delivery.status).toBe(404);
      expect(JSON.stringify(delivery.body)).not.toContain(buyer.accountName);
      expect((await client.call('GET', `/tasks/${batchNumber}`, buyer.claims)).status).toBe(404);
      expect((await client.call('GET', '/tasks', buyer.claims)).body).toEqual([]);
      const refusal = await client.call('POST', `/tasks/${batchNumber}/refusal`, buyer.claims, {
        reason: 'seller knows me',
      });
      expect(refusal.status).toBe(404);

      // The batch does not wait for the assignment deadline: nobody else qualifies here, so it waits unassigned.
      const task = await client.admin('GET', `/tasks/${batchNumber}`);
      expect(task.body['status']).toBe('unassigned');
      expect(task.body['buyerId']).not.toBe(buyer.id);
    },
  );

  it("hands a suspended buyer's batch not yet bought to another qualified buyer at once", async () => {
    const platform = uniquePlatform();
    const { buyer, batchNumber } = await assignedTo(platform);
    const other = await client.qualifiedBuyer(platform);

    expect((await client.admin('PUT', `/buyers/${buyer.id}/status`, { status: 'suspended' })).status).toBe(
      204,
    );

    const task = await client.admin('GET', `/tasks/${batchNumber}`);
    expect(task.body).toMatchObject({ status: 'assigned', buyerId: other.id });
    const delivery = await client.call('GET', `/tasks/${batchNumber}/delivery`, other.claims);
    expect(delivery.status).toBe(200);
    expect(delivery.body['accountName']).toBe(other.accountName);
    expect((await client.call('GET', `/tasks/${batchNumber}`, buyer.claims)).status).toBe(404);
  });
});
