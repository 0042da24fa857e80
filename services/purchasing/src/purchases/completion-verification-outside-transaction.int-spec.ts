import {
  expectEventually,
  openTransactions,
  pgAdminFromEnv,
  startHeldHttpServer,
  startTestService,
  type HeldHttpServer,
  type TestService,
} from '@qis/testing';
import type { Producer } from 'kafkajs';
import { Client } from 'pg';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import {
  connectedProducer,
  fullEvidence,
  issuedBatch,
  publishBatchIssued,
  purchaseRecord,
  PurchasingClient,
  uniquePlatform,
} from '../testing/purchasing-fixtures';

jest.setTimeout(120_000);

/**
 * Completing a purchase asks the evidence service about every item before any transaction opens:
 * a slow answer must not keep the task row locked, nor a session idle in a transaction. The
 * evidence service's HTTP API is played by a server that holds its answers; PostgreSQL and Kafka
 * are real.
 */
describe('purchase completion verified outside the transaction (real PostgreSQL and Kafka)', () => {
  let evidence: HeldHttpServer;
  let service: TestService<PurchasingConfig>;
  let producer: Producer;
  const kinds = new Map<string, string>();
  let batchNumber = '';

  beforeAll(async () => {
    evidence = await startHeldHttpServer(({ path }) => ({
      status: 200,
      body: { kind: kinds.get(path.split('/').pop() ?? ''), status: 'stored', batchNumber },
    }));
    service = await startTestService(purchasingService, { ...identityKeyEnv(), EVIDENCE_URL: evidence.url });
    producer = await connectedProducer('completion-outside-transaction-test');
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
    await evidence?.stop();
  });

  /** Locks the row at once or fails (55P03) if someone holds it. */
  const lockNowait = async (sql: string, params: unknown[]): Promise<void> => {
    const pg = new Client({ ...pgAdminFromEnv(), database: service.database });
    await pg.connect();
    try {
      await pg.query('begin');
      await pg.query(`${sql} for update nowait`, params);
    } finally {
      await pg.query('rollback').catch(() => undefined);
      await pg.end();
    }
  };

  it('holds no row lock and no idle transaction while the evidence service answers slowly', async () => {
    const client = new PurchasingClient(service);
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    batchNumber = batch.batchNumber;
    await publishBatchIssued(producer, batch);
    await expectEventually(async () =>
      expect((await client.admin('GET', `/tasks/${batchNumber}`)).body['status']).toBe('assigned'),
    );
    const items = fullEvidence();
    for (const item of items) kinds.set(item.objectId, item.kind);
    const recorded = await client.call(
      'PUT',
      `/tasks/${batchNumber}/purchase`,
      buyer.claims,
      purchaseRecord(batch, items),
    );
    expect(recorded.status).toBe(200);

    const completed = client.call('POST', `/tasks/${batchNumber}/completion`, buyer.claims);
    // The first evidence call has been waiting for its answer a while.
    await expectEventually(() => {
      expect(evidence.requests.length).toBeGreaterThanOrEqual(1);
      expect(Date.now() - evidence.requests[0].arrivedAt).toBeGreaterThan(600);
    });
    const idle = (await openTransactions(service.database)).filter(
      (t) => t.state.startsWith('idle in transaction') && t.idleMs > 250,
    );
    expect(idle).toEqual([]);
    await expect(
      lockNowait('select 1 from purchase_task where batch_number = $1', [batchNumber]),
    ).resolves.toBeUndefined();

    evidence.release();
    const answer = await completed;
    expect(answer.status).toBe(200);
    expect(answer.body['status']).toBe('purchased');
    expect(evidence.requests).toHaveLength(items.length);
  });

  it('refuses (409) to complete with evidence that changed while it was being verified', async () => {
    const client = new PurchasingClient(service);
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    batchNumber = batch.batchNumber;
    await publishBatchIssued(producer, batch);
    await expectEventually(async () =>
      expect((await client.admin('GET', `/tasks/${batchNumber}`)).body['status']).toBe('assigned'),
    );
    const before = evidence.requests.length;
    const items = fullEvidence();
    const replaced = fullEvidence();
    for (const item of [...items, ...replaced]) kinds.set(item.objectId, item.kind);
    await client.call('PUT', `/tasks/${batchNumber}/purchase`, buyer.claims, purchaseRecord(batch, items));
    evidence.hold();

    const completed = client.call('POST', `/tasks/${batchNumber}/completion`, buyer.claims);
    await expectEventually(() => expect(evidence.requests.length).toBeGreaterThan(before));
    // Not blocked by the completion: no lock is held while the evidence service answers.
    const changed = await client.call(
      'PUT',
      `/tasks/${batchNumber}/purchase`,
      buyer.claims,
      purchaseRecord(batch, replaced),
    );
    expect(changed.status).toBe(200);
    evidence.release();
    const answer = await completed;
    expect(answer.status).toBe(409);
    expect(answer.body['message']).toMatch(/evidence package changed/);
    expect((await client.admin('GET', `/tasks/${batchNumber}`)).body['status']).toBe('assigned');
  });
});
