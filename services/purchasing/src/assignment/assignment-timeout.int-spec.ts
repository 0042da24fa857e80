import { expectEventually, startTestService, type TestService } from '@qis/testing';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
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

/** A purchasing service of the describe block's own (its own database) and a producer. */
function purchasingWith(env: Record<string, string>): {
  service: TestService<PurchasingConfig>;
  producer: Producer;
} {
  const ctx = {} as { service: TestService<PurchasingConfig>; producer: Producer };
  beforeAll(async () => {
    ctx.service = await startTestService(purchasingService, { ...identityKeyEnv(), ...env });
    ctx.producer = await connectedProducer('purchasing-assignment-test');
  });
  afterAll(async () => {
    await ctx.producer?.disconnect();
    await ctx.service?.stop();
  });
  return ctx;
}

describe('assignment deadline', () => {
  const ctx = purchasingWith({
    PURCHASING_ASSIGNMENT_TIMEOUT_SECONDS: '2',
    PURCHASING_SCHEDULER_INTERVAL_MS: '300',
  });

  it('reassigns a batch whose buyer did not record the order by the deadline, and audits the timeout', async () => {
    const client = new PurchasingClient(ctx.service);
    const platform = uniquePlatform();
    const one = await client.qualifiedBuyer(platform);
    const two = await client.qualifiedBuyer(platform);
    await client.address();
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(ctx.producer, batch);
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

describe('batches waiting for a buyer while every buyer is busy', () => {
  // The only buyer is the one the test registers, with room for one task.
  const ctx = purchasingWith({ PURCHASING_MAX_OPEN_TASKS: '1', PURCHASING_SCHEDULER_INTERVAL_MS: '200' });

  it('are left alone until a buyer has room, then the next one is assigned', async () => {
    const client = new PurchasingClient(ctx.service);
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    await client.address();
    const first = issuedBatch({ platform });
    await publishBatchIssued(ctx.producer, first);
    await expectEventually(async () => {
      const res = await client.admin('GET', `/tasks/${first.batchNumber}`);
      expect(res.body).toMatchObject({ status: 'assigned', buyerId: buyer.id });
    });
    const waiting = issuedBatch({ platform });
    await publishBatchIssued(ctx.producer, waiting);
    await expectEventually(async () => {
      const res = await client.admin('GET', `/tasks/${waiting.batchNumber}`);
      expect(res.body['status']).toBe('unassigned');
    });
    // While the only buyer is full, the scheduler (every 200 ms) does not try the waiting batch.
    const triedAt = async () =>
      (
        (await ctx.service.app
          .get(DataSource)
          .query('select updated_at from purchase_task where batch_number = $1', [
            waiting.batchNumber,
          ])) as Array<{
          updated_at: Date;
        }>
      )[0].updated_at.getTime();
    const before = await triedAt();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await triedAt()).toBe(before);

    // The buyer refuses the first batch: it has room again, and the waiting batch is theirs.
    const refused = await client.call('POST', `/tasks/${first.batchNumber}/refusal`, buyer.claims, {
      reason: '近期在该店购买过',
    });
    expect(refused.status).toBe(200);
    await expectEventually(
      async () => {
        const res = await client.admin('GET', `/tasks/${waiting.batchNumber}`);
        expect(res.body).toMatchObject({ status: 'assigned', buyerId: buyer.id });
      },
      { timeoutMs: 15_000 },
    );
  });
});
