import { createHash, randomBytes } from 'node:crypto';
import {
  expectEventually,
  startEvidenceProcess,
  startTestService,
  TestIssuer,
  type EvidenceProcess,
  type TestService,
} from '@qis/testing';
import type { Producer } from 'kafkajs';
import type { PurchasingConfig } from '../purchasing.config';
import { purchasingService } from '../purchasing.definition';
import { identityKeyEnv } from '../testing/identity-key-env';
import {
  connectedProducer,
  issuedBatch,
  publishBatchIssued,
  purchaseRecord,
  PurchasingClient,
  uniquePlatform,
} from '../testing/purchasing-fixtures';

jest.setTimeout(180_000);

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * The purchase evidence package across the two services, each as it runs in production: the
 * evidence service as its own built process on its own database and bucket (real MinIO, hashes
 * computed there), purchasing checking every item there over HTTP with the buyer's token.
 */
describe('purchase evidence package verified at the evidence service', () => {
  let evidence: EvidenceProcess;
  let service: TestService<PurchasingConfig>;
  let producer: Producer;

  beforeAll(async () => {
    evidence = await startEvidenceProcess();
    service = await startTestService(purchasingService, { ...identityKeyEnv(), EVIDENCE_URL: evidence.url });
    producer = await connectedProducer('purchase-evidence-test');
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
    await evidence?.stop();
  });

  const upload = async (claims: { roles: string[]; sub: string }, kind: string, batchNumber: string) => {
    const data = randomBytes(2048);
    const headers = { ...(await TestIssuer.shared().headers(claims)), 'content-type': 'application/json' };
    const start = await fetch(`${evidence.url}/evidence/uploads`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind,
        batchNumber,
        contentType: 'image/png',
        size: data.length,
        sha256: sha256(data),
      }),
    });
    expect(start.status).toBe(201);
    const ticket = (await start.json()) as { objectId: string; url: string; headers: Record<string, string> };
    expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: data })).status).toBe(
      200,
    );
    const finalize = await fetch(`${evidence.url}/evidence/uploads/${ticket.objectId}/finalize`, {
      method: 'POST',
      headers,
      body: '{}',
    });
    expect(finalize.status).toBe(200);
    expect(await finalize.json()).toMatchObject({ status: 'stored', sha256: sha256(data) });
    return { kind, objectId: ticket.objectId };
  };

  it('completes only when every item exists, is finalized, of its kind and of this batch, then ships', async () => {
    const client = new PurchasingClient(service);
    const platform = uniquePlatform();
    const buyer = await client.qualifiedBuyer(platform);
    await client.address();
    const batch = issuedBatch({ platform });
    await publishBatchIssued(producer, batch);
    await expectEventually(async () =>
      expect((await client.admin('GET', `/tasks/${batch.batchNumber}`)).body['status']).toBe('assigned'),
    );
    const claims = { roles: ['buyer'], sub: buyer.userId };
    const items = [];
    for (const kind of [
      'purchase-screen-recording',
      'order-screenshot',
      'listing-snapshot',
      'product-claim-photo',
      'payment-proof',
    ])
      items.push(await upload(claims, kind, batch.batchNumber));
    const foreignChat = await upload(claims, 'chat-screenshot', 'HZ2026-999999');
    const unknown = { kind: 'chat-screenshot', objectId: '7b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d' };

    await client.call(
      'PUT',
      `/tasks/${batch.batchNumber}/purchase`,
      claims,
      purchaseRecord(batch, [...items, foreignChat, unknown]),
    );
    const refused = await client.call('POST', `/tasks/${batch.batchNumber}/completion`, claims);
    expect(refused.status).toBe(422);
    expect(refused.body['errors']).toEqual([
      { field: 'evidence[5]', reasons: [expect.stringContaining('belongs to batch HZ2026-999999')] },
      { field: 'evidence[6]', reasons: [`evidence object ${unknown.objectId} not found`] },
    ]);

    const chat = await upload(claims, 'chat-screenshot', batch.batchNumber);
    await client.call(
      'PUT',
      `/tasks/${batch.batchNumber}/purchase`,
      claims,
      purchaseRecord(batch, [...items, chat]),
    );
    const done = await client.call('POST', `/tasks/${batch.batchNumber}/completion`, claims);
    expect(done.status).toBe(200);
    expect(done.body['status']).toBe('purchased');
    const shipped = await client.call('POST', `/tasks/${batch.batchNumber}/shipment`, claims, {
      carrier: '圆通速递',
      trackingNumber: 'YT1234567890123',
    });
    expect(shipped.body['status']).toBe('shipped');
  });
});
