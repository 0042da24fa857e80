import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
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
      ...kafkaConnection(),
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

    const reply = await view(batch.batchNumber, ['purchasing-admin']);
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
      deadline: { due: batch.purchaseDueAt, met: true, rule: expect.stringContaining('purchase due date') },
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
    for (const s of body.stages) expect(new Date(s.at).toISOString()).toBe(s.at);
    expect(body.stages.map((s) => s.at)).toEqual(body.stages.map((s) => s.at).sort());

    // A planner follows the batch without its order number or the evidence ids it may not open;
    // an approver sees the order number (as on the task) but not the evidence; an auditor both.
    const planner = (await view(batch.batchNumber, ['planner'])).body as unknown as Stages;
    expect(planner.stages.map((s) => s.stage)).toEqual(['assigned', 'assigned', 'bought', 'shipped']);
    expect(planner.stages[2]).not.toHaveProperty('evidence');
    expect(planner.stages[2].facts).not.toHaveProperty('orderNumber');
    expect(JSON.stringify(planner)).not.toContain(String(record['orderNumber']));
    for (const e of evidence) expect(JSON.stringify(planner)).not.toContain(e.objectId);
    const approver = (await view(batch.batchNumber, ['approver'])).body as unknown as Stages;
    expect(approver.stages[2].facts['orderNumber']).toBe(record['orderNumber']);
    expect(approver.stages[2]).not.toHaveProperty('evidence');
    const auditor = (await view(batch.batchNumber, ['auditor'])).body as unknown as Stages;
    expect(auditor.stages[2]).toMatchObject({ facts: { orderNumber: record['orderNumber'] } });
    expect(auditor.stages[2].evidence).toHaveLength(evidence.length);
    expect((await view(batch.batchNumber, ['admin'])).status).toBe(200);

    // Whoever reads it, the view holds nothing of who the buyers are or where parcels go.
    for (const json of [body, planner, approver, auditor].map((b) => JSON.stringify(b)))
      for (const secret of [
        ...[one, two].flatMap((buyer) => [
          buyer.identity.realName,
          buyer.identity.idNumber,
          buyer.identity.phone,
          buyer.accountName,
          buyer.accountId,
          buyer.userId,
          buyer.id,
        ]),
        address.line,
        address.recipientName,
        address.phone,
        address.id,
      ])
        expect(json).not.toContain(secret);
  });

  it('finds the batch by its order number for purchasing admins, auditors and admins only', async () => {
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address(false);
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    await expectEventually(async () => {
      const res = await client.admin('GET', `/tasks/${batch.batchNumber}`);
      expect(res.body['buyerId']).toBe(buyer.id);
    });
    const record = purchaseRecord(batch, fullEvidence());
    expect(
      (await client.call('PUT', `/tasks/${batch.batchNumber}/purchase`, buyer.claims, record)).status,
    ).toBe(200);
    const orderNumber = String(record['orderNumber']);
    const find = (query: string, roles: string[]) =>
      client.call('GET', `/batches?${query}`, { roles, sub: `staff-${roles[0]}` });

    for (const roles of [['purchasing-admin'], ['auditor'], ['admin']]) {
      const found = await find(`orderNumber=${orderNumber}`, roles);
      expect(found.status).toBe(200);
      expect(found.body).toEqual({
        items: [{ batchNumber: batch.batchNumber, platform, status: 'assigned', purchasedAt: null }],
      });
    }
    // Spaces around a pasted number do not matter; a number nobody recorded finds nothing.
    expect((await find(`orderNumber=%20${orderNumber}%20`, ['auditor'])).body['items']).toHaveLength(1);
    expect((await find(`orderNumber=9${orderNumber}`, ['auditor'])).body).toEqual({ items: [] });
    expect((await find('', ['auditor'])).status).toBe(400);
    for (const roles of [['planner'], ['approver'], ['buyer'], ['platform'], ['lab'], ['intake-officer']])
      expect((await find(`orderNumber=${orderNumber}`, roles)).status).toBe(403);
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
