import { Topics } from '@qis/contracts';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { Client } from 'pg';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { PurchasingConfig } from './purchasing.config';
import { purchasingService } from './purchasing.definition';
import { identityKeyEnv } from './testing/identity-key-env';
import {
  fullEvidence,
  issuedBatch,
  publishBatchIssued,
  purchaseRecord,
  PurchasingClient,
  uniquePlatform,
} from './testing/purchasing-fixtures';

jest.setTimeout(90_000);

describe('purchasing: batch-issued → assignment → purchase → order-placed', () => {
  let service: TestService<PurchasingConfig>;
  let client: PurchasingClient;
  let producer: Producer;
  let consumer: Consumer;
  const orders: Array<{ key: string; value: string }> = [];
  const kafka = new Kafka({
    clientId: 'purchasing-flow-test',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });

  beforeAll(async () => {
    service = await startTestService(purchasingService, {
      ...identityKeyEnv(),
      PURCHASING_SCHEDULER_INTERVAL_MS: '300',
    });
    client = new PurchasingClient(service);
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `${process.env['KAFKA_TOPIC_PREFIX']}order-placed-test` });
    await consumer.connect();
    await consumer.subscribe({
      topic: `${process.env['KAFKA_TOPIC_PREFIX']}${Topics.OrderPlaced}`,
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        orders.push({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await service?.stop();
  });

  const taskOf = async (batchNumber: string) => {
    const res = await client.admin('GET', `/tasks/${batchNumber}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const assigned = (batchNumber: string) =>
    expectEventually(async () => {
      const task = await taskOf(batchNumber);
      expect(task['status']).toBe('assigned');
      return task;
    });

  it('assigns a qualified buyer, takes the purchase with its evidence and publishes order-placed without any identity', async () => {
    const platform = uniquePlatform();
    const unqualified = await client.qualifiedBuyer(platform, { qualified: false });
    const buyer = await client.qualifiedBuyer(platform);
    const address = await client.address(true);
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);

    const task = await assigned(batch.batchNumber);
    expect(task['buyerId']).toBe(buyer.id);
    expect(task['buyerId']).not.toBe(unqualified.id);

    // The buyer sees the task among their own; another buyer gets the same 404 as for a missing batch.
    const mine = await client.call('GET', '/tasks', buyer.claims);
    expect(mine.body.map((t) => t['batchNumber'])).toEqual([batch.batchNumber]);
    expect((await client.call('GET', `/tasks/${batch.batchNumber}`, unqualified.claims)).status).toBe(404);
    expect((await client.call('GET', '/tasks', unqualified.claims)).body).toEqual([]);

    const delivery = await client.call('GET', `/tasks/${batch.batchNumber}/delivery`, buyer.claims);
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({ accountName: buyer.accountName });
    expect(typeof delivery.body['addressLine']).toBe('string');

    const record = purchaseRecord(batch, fullEvidence());
    expect(
      (await client.call('PUT', `/tasks/${batch.batchNumber}/purchase`, buyer.claims, record)).status,
    ).toBe(200);
    const completed = await client.call('POST', `/tasks/${batch.batchNumber}/completion`, buyer.claims);
    expect(completed.status).toBe(200);
    expect(completed.body['status']).toBe('purchased');
    const shipped = await client.call('POST', `/tasks/${batch.batchNumber}/shipment`, buyer.claims, {
      carrier: '中通快递',
      trackingNumber: '78312345678901',
    });
    expect(shipped.status).toBe(200);

    const order = await expectEventually(() => {
      const found = orders.find((o) => o.key === batch.batchNumber);
      expect(found).toBeDefined();
      return found as { key: string; value: string };
    });
    const value = JSON.parse(order.value) as Record<string, unknown>;
    expect(value).toMatchObject({
      batchNumber: batch.batchNumber,
      orderNumber: record['orderNumber'],
      carrier: '中通快递',
      trackingNumber: '78312345678901',
      unitPriceFen: 59900,
      totalPaidFen: 119800,
      quantity: { testUnits: 1, backupUnits: 1 },
      evidencePackageId: task['evidencePackageId'],
    });
    for (const secret of [
      buyer.identity.realName,
      buyer.identity.idNumber,
      buyer.identity.phone,
      buyer.accountName,
      buyer.pseudonym,
      buyer.id,
      buyer.userId,
      address.line,
      address.recipientName,
    ])
      expect(order.value).not.toContain(secret);
    expect(Object.keys(value)).not.toEqual(expect.arrayContaining(['buyer']));
  });

  it('refuses to complete a purchase while evidence is missing, naming each missing item', async () => {
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    await assigned(batch.batchNumber);

    const some = fullEvidence().filter((e) => e.kind === 'order-screenshot' || e.kind === 'listing-snapshot');
    await client.call(
      'PUT',
      `/tasks/${batch.batchNumber}/purchase`,
      buyer.claims,
      purchaseRecord(batch, some),
    );
    const res = await client.call('POST', `/tasks/${batch.batchNumber}/completion`, buyer.claims);
    expect(res.status).toBe(422);
    expect((res.body['errors'] as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'evidence.purchase-screen-recording',
      'evidence.chat-screenshot',
      'evidence.product-claim-photo',
      'evidence.payment-proof',
    ]);
    expect((await taskOf(batch.batchNumber))['status']).toBe('assigned');
  });

  it('keeps a purchase above the unit price cap waiting until an approver approves it', async () => {
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform, unitPriceCapFen: 50000 });
    await publishBatchIssued(producer, batch);
    await assigned(batch.batchNumber);
    await client.call(
      'PUT',
      `/tasks/${batch.batchNumber}/purchase`,
      buyer.claims,
      purchaseRecord(batch, fullEvidence()),
    );
    const done = await client.call('POST', `/tasks/${batch.batchNumber}/completion`, buyer.claims);
    expect(done.body['status']).toBe('awaiting-price-approval');
    const early = await client.call('POST', `/tasks/${batch.batchNumber}/shipment`, buyer.claims, {
      carrier: '顺丰速运',
      trackingNumber: 'SF1234567890',
    });
    expect(early.status).toBe(409);
    const approved = await client.call(
      'POST',
      `/tasks/${batch.batchNumber}/price-approval`,
      { roles: ['approver'], sub: 'approver-li' },
      { note: '同款市场价' },
    );
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'purchased', priceApprovedBy: 'approver-li' });
  });

  it("never assigns a buyer the seller blacklisted to that seller's next batch", async () => {
    const platform = uniquePlatform();
    const first = await client.qualifiedBuyer(platform);
    const second = await client.qualifiedBuyer(platform);
    await client.address();
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    const task = await assigned(batch.batchNumber);
    const blacklisted = task['buyerId'] as string;
    expect([first.id, second.id]).toContain(blacklisted);
    const res = await client.admin('POST', '/blacklists', {
      batchNumber: batch.batchNumber,
      targetKind: 'buyer',
      targetId: blacklisted,
      observedOn: '2026-03-03',
    });
    expect(res.status).toBe(201);

    const next = issuedBatch({ platform, seller: batch.seller });
    await publishBatchIssued(producer, next);
    const nextTask = await assigned(next.batchNumber);
    expect(nextTask['buyerId']).not.toBe(blacklisted);
  });

  it('shows a seller another account and address within the rotation window', async () => {
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    const second = await client.admin('POST', `/buyers/${buyer.id}/accounts`, {
      platform,
      accountName: 'tb_second',
      alias: 'A-2',
    });
    expect(second.status).toBe(201);
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    const a = await assigned(batch.batchNumber);
    const b = issuedBatch({ platform, seller: batch.seller });
    await publishBatchIssued(producer, b);
    const c = await assigned(b.batchNumber);
    expect(c['accountId']).not.toBe(a['accountId']);
    expect(c['addressId']).not.toBe(a['addressId']);
  });

  it('reassigns a batch the buyer refused to another eligible buyer', async () => {
    const platform = uniquePlatform();
    const one = await client.qualifiedBuyer(platform);
    const two = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    const task = await assigned(batch.batchNumber);
    const holder = task['buyerId'] === one.id ? one : two;
    const other = holder === one ? two : one;
    const refused = await client.call('POST', `/tasks/${batch.batchNumber}/refusal`, holder.claims, {
      reason: '近期在该店购买过',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'assigned', buyerId: other.id });
    expect((await client.call('GET', `/tasks/${batch.batchNumber}`, holder.claims)).status).toBe(404);
  });

  it('does not assign a buyer without a signed commitment and training; the batch waits and is assigned once one qualifies', async () => {
    const platform = uniquePlatform();
    const waiting = await client.qualifiedBuyer(platform, { qualified: false });
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    await expectEventually(async () =>
      expect((await client.admin('GET', `/tasks/${batch.batchNumber}`)).body['status']).toBe('unassigned'),
    );
    await client.admin('PUT', `/buyers/${waiting.id}/qualification`, {
      commitmentSignedOn: '2026-02-01',
      commitmentEvidenceId: '0f8c7a52-4a1e-4f6e-9d59-6b7a1c2d3e4f',
      trainingCompletedOn: '2026-02-02',
    });
    const task = await assigned(batch.batchNumber);
    expect(task['buyerId']).toBe(waiting.id);
  });

  it('never assigns a suspended buyer or a retired account', async () => {
    const platform = uniquePlatform();
    const suspended = await client.qualifiedBuyer(platform);
    const retired = await client.qualifiedBuyer(platform);
    const active = await client.qualifiedBuyer(platform);
    await client.address();
    expect(
      (await client.admin('PUT', `/buyers/${suspended.id}/status`, { status: 'suspended' })).status,
    ).toBe(204);
    expect(
      (
        await client.admin('PUT', `/buyers/${retired.id}/accounts/${retired.accountId}/status`, {
          status: 'retired',
        })
      ).status,
    ).toBe(204);
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    expect((await assigned(batch.batchNumber))['buyerId']).toBe(active.id);
  });

  it('stores no plaintext identity: a dump of every table holds no real name, ID number, phone, account name or address', async () => {
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    const address = await client.address();
    const identity = await client.admin('GET', `/buyers/${buyer.id}/identity`);
    expect(identity.body).toMatchObject(buyer.identity);

    const pg = new Client({
      host: service.config.DB_HOST,
      port: service.config.DB_PORT,
      user: service.config.DB_USER,
      password: service.config.DB_PASSWORD,
      database: service.database,
    });
    await pg.connect();
    try {
      const tables = await pg.query<{ tablename: string }>(
        `select tablename from pg_tables where schemaname = 'public'`,
      );
      let dump = '';
      for (const { tablename } of tables.rows) {
        const rows = await pg.query(`select row_to_json(t)::text as row from "${tablename}" t`);
        dump += rows.rows.map((r: { row: string }) => r.row).join('\n');
      }
      expect(dump).toContain(buyer.pseudonym);
      for (const secret of [
        buyer.identity.realName,
        buyer.identity.idNumber,
        buyer.identity.phone,
        buyer.accountName,
        address.line,
        address.recipientName,
      ])
        expect(dump).not.toContain(secret);
      const audit = await pg.query(
        `select count(*)::int as n from audit_log where action = 'buyer.identity.read' and entity_id = $1`,
        [buyer.id],
      );
      expect(audit.rows[0]).toEqual({ n: 1 });
    } finally {
      await pg.end();
    }
  });
});
