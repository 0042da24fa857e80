import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import {
  fullEvidence,
  issuedBatch,
  publishBatchIssued,
  purchaseRecord,
  PurchasingClient,
  uniquePlatform,
} from '../testing/purchasing-fixtures';

jest.setTimeout(90_000);

interface Stages {
  batchNumber: string;
  stages: Array<{
    stage: string;
    at: string;
    actor: string | null;
    deadline?: { due: string; met: boolean | null; rule: string };
    evidence?: Array<{ objectId: string; kind: string }>;
    facts: Record<string, unknown>;
  }>;
}

describe("purchasing's stages of a batch, buyers by pseudonym only", () => {
  let service: TestService<PurchasingConfig>;
  let client: PurchasingClient;
  let producer: Producer;

  beforeAll(async () => {
    service = await startTestService(purchasingService, identityKeyEnv());
    client = new PurchasingClient(service);
    producer = new Kafka({
      clientId: 'purchasing-batch-stages-test',
      brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const view = (batchNumber: string, roles: string[]) =>
    client.call('GET', `/batches/${batchNumber}/stages`, { roles, sub: `staff-${roles[0]}` });

  it('shows each assignment, the purchase and the shipment with times, pseudonyms and deadlines, and nothing of who the buyer is', async () => {
    const platform = uniquePlatform();
    const one = await client.qualifiedBuyer(platform);
    const two = await client.qualifiedBuyer(platform);
    const address = await client.address(true);
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    const task = await expectEventually(async () => {
      const res = await client.admin('GET', `/tasks/${batch.batchNumber}`);
      expect(res.body['status']).toBe('assigned');
      return res.body;
    });
    const first = task['buyerId'] === one.id ? one : two;
    const second = first === one ? two : one;
    expect(
      (
        await client.call('POST', `/tasks/${batch.batchNumber}/refusal`, first.claims, {
          reason: '近期在该店购买过',
        })
      ).status,
    ).toBe(200);
    const evidence = fullEvidence();
    const record = purchaseRecord(batch, evidence);
    expect(
      (await client.call('PUT', `/tasks/${batch.batchNumber}/purchase`, second.claims, record)).status,
    ).toBe(200);
    expect((await client.call('POST', `/tasks/${batch.batchNumber}/completion`, second.claims)).status).toBe(
      200,
    );
    expect(
      (
        await client.call('POST', `/tasks/${batch.batchNumber}/shipment`, second.claims, {
          carrier: '中通快递',
          trackingNumber: '78312345678901',
        })
      ).status,
    ).toBe(200);

    const reply = await view(batch.batchNumber, ['planner']);
    expect(reply.status).toBe(200);
    const body = reply.body as unknown as Stages;
    expect(body.batchNumber).toBe(batch.batchNumber);
    expect(body.stages.map((s) => s.stage)).toEqual(['assigned', 'assigned', 'bought', 'shipped']);
    const [refused, assigned, bought, shipped] = body.stages;
    expect(refused).toMatchObject({
      actor: first.pseudonym,
      deadline: { met: false, rule: expect.stringContaining('assignment timeout') },
      facts: { outcome: 'refused' },
    });
    expect(assigned).toMatchObject({
      actor: second.pseudonym,
      deadline: { met: true },
      facts: { outcome: 'completed' },
    });
    expect(Date.parse(assigned.deadline?.due ?? '')).toBeGreaterThan(Date.parse(assigned.at));
    expect(bought).toMatchObject({
      actor: second.pseudonym,
      deadline: { due: batch.purchaseDueAt, met: true },
      facts: {
        orderNumber: record['orderNumber'],
        unitPriceFen: 59900,
        totalPaidFen: 119800,
        platform,
        evidencePackageId: task['evidencePackageId'],
      },
    });
    expect(bought.evidence).toEqual(evidence.map((e) => ({ objectId: e.objectId, kind: e.kind })));
    expect(shipped).toMatchObject({
      actor: second.pseudonym,
      facts: { carrier: '中通快递', trackingNumber: '78312345678901' },
    });
    for (const s of body.stages) expect(Number.isNaN(Date.parse(s.at))).toBe(false);
    expect(body.stages.map((s) => s.at)).toEqual(body.stages.map((s) => s.at).sort());

    const json = JSON.stringify(body);
    for (const buyer of [one, two])
      for (const secret of [
        buyer.identity.realName,
        buyer.identity.idNumber,
        buyer.identity.phone,
        buyer.accountName,
        buyer.userId,
        buyer.id,
        buyer.accountId,
      ])
        expect(json).not.toContain(secret);
    for (const secret of [address.line, address.recipientName, address.id])
      expect(json).not.toContain(secret);

    expect((await view(batch.batchNumber, ['purchasing-admin'])).status).toBe(200);
    expect((await view(batch.batchNumber, ['auditor'])).status).toBe(200);
  });

  it('answers 404 for an unknown batch and 403 to roles with no business here', async () => {
    const batch = issuedBatch({ platform: uniquePlatform() });
    await publishBatchIssued(producer, batch);
    await expectEventually(async () =>
      expect((await view(batch.batchNumber, ['approver'])).status).toBe(200),
    );
    const missing = await view('HZ1999-999999', ['approver']);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, message: 'batch HZ1999-999999 not found' });
    for (const roles of [['platform'], ['buyer'], ['lab'], ['intake-officer']])
      expect((await view(batch.batchNumber, roles)).status).toBe(403);
    expect((await view('not-a-batch', ['planner'])).status).toBe(400);
  });
});
