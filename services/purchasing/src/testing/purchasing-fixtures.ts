import { randomBytes, randomUUID } from 'node:crypto';
import { BatchIssued, type BatchIssuedValue } from '@qis/contracts';
import { sendEvents, type TestService } from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { PurchasingConfig } from '../purchasing.config';

const hex = (n: number): string => randomBytes(n).toString('hex');
const digits = (n: number): string =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** A real-looking identity, unique per call, so a grep for it finds only this test's data. */
export const fakeIdentity = () => ({
  realName: `测试${['张', '李', '王', '赵'][Math.floor(Math.random() * 4)]}${hex(3)}`,
  idNumber: `330106199${digits(8)}X`,
  phone: `139${digits(8)}`,
});

export const batchNumber = (): string => `HZ2026-${digits(6)}`;

/** A batch-issued value; each test gets its own platform and (natural person) seller unless told. */
export function issuedBatch(overrides: Partial<BatchIssuedValue> = {}): BatchIssuedValue {
  const number = overrides.batchNumber ?? batchNumber();
  return {
    batchNumber: number,
    planId: randomUUID(),
    planKind: 'routine',
    category: 'silk-quilt',
    platform: 'taobao',
    listing: {
      platformListingId: digits(10),
      url: `https://item.taobao.com/item.htm?id=${digits(10)}`,
      title: '100%桑蚕丝被 限时秒杀',
    },
    seller: {
      name: '王某某',
      entityType: 'natural-person',
      shopName: '某某家纺小店',
      shopUrl: `https://shop${digits(9)}.taobao.com`,
    },
    quantity: { testUnits: 1, backupUnits: 1 },
    unitPriceCapFen: 150000,
    testStandards: ['GB/T 24252-2019'],
    purchaseDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    issuedAt: new Date().toISOString(),
    ...overrides,
  } as BatchIssuedValue;
}

/** Publishes batch-issued as planning's relay would: prefixed topic, batch key, backbone headers. */
/** A connected Kafka producer for a test to publish what other services would. */
export async function connectedProducer(clientId: string): Promise<Producer> {
  const producer = new Kafka({
    clientId,
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  return producer;
}

export async function publishBatchIssued(producer: Producer, batch: BatchIssuedValue): Promise<void> {
  await sendEvents(producer, BatchIssued, [{ key: batch.batchNumber, value: batch }], 'planning');
}

/** HTTP helpers against a running purchasing service. */
export class PurchasingClient {
  constructor(private readonly service: TestService<PurchasingConfig>) {}

  async call(
    method: string,
    path: string,
    claims: { roles: string[]; sub?: string },
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> & Array<Record<string, unknown>> }> {
    const headers = { ...(await this.service.auth(claims)), 'content-type': 'application/json' };
    const res = await fetch(`${this.service.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  admin(method: string, path: string, body?: unknown) {
    return this.call(method, path, { roles: ['purchasing-admin'], sub: 'admin-zhou' }, body);
  }

  /** A buyer with commitment and training on file and one account on the platform. */
  async qualifiedBuyer(platform: string, options: { poolIds?: string[]; qualified?: boolean } = {}) {
    const identity = fakeIdentity();
    const userId = `buyer-${hex(4)}`;
    const registered = await this.admin('POST', '/buyers', { userId, ...identity, poolIds: options.poolIds });
    if (registered.status !== 201)
      throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
    const id = registered.body['id'] as string;
    if (options.qualified !== false) {
      const q = await this.admin('PUT', `/buyers/${id}/qualification`, {
        commitmentSignedOn: '2026-01-05',
        commitmentEvidenceId: randomUUID(),
        trainingCompletedOn: '2026-01-06',
      });
      if (q.status !== 200) throw new Error(`qualify: ${q.status} ${JSON.stringify(q.body)}`);
    }
    const accountName = `tb_${hex(5)}`;
    const account = await this.admin('POST', `/buyers/${id}/accounts`, {
      platform,
      accountName,
      alias: `A-${hex(2)}`,
    });
    if (account.status !== 201) throw new Error(`account: ${account.status} ${JSON.stringify(account.body)}`);
    return {
      id,
      userId,
      pseudonym: registered.body['pseudonym'] as string,
      identity,
      accountName,
      accountId: account.body['id'] as string,
      claims: { roles: ['buyer'], sub: userId },
    };
  }

  async address(relay = false) {
    const line = `浙江省杭州市余杭区文一西路${Math.floor(Math.random() * 900) + 100}号${hex(2)}`;
    const recipientName = `收件人${hex(3)}`;
    const phone = `137${digits(8)}`;
    const res = await this.admin('POST', '/addresses', {
      label: `addr-${hex(3)}`,
      areaCode: relay ? '310115' : '330110',
      relay,
      recipientName,
      phone,
      addressLine: line,
    });
    if (res.status !== 201) throw new Error(`address: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body['id'] as string, line, recipientName, phone };
  }
}

/** A complete purchase record for a batch; `evidence` as given. */
export function purchaseRecord(
  batch: BatchIssuedValue,
  evidence: Array<{ kind: string; objectId: string }>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    seller: batch.seller,
    platform: {
      code: batch.platform,
      name: '淘宝',
      url: 'https://www.taobao.com',
      operatorName: '浙江淘宝网络有限公司',
    },
    productName: '100%桑蚕丝被',
    productUrl: batch.listing.url,
    monthlySales: 1523,
    stock: 880,
    transactionSteps: ['打开商品链接并录屏', '咨询客服', '下单 2 件', '支付'],
    orderNumber: digits(19),
    orderedAt: new Date().toISOString(),
    unitPriceFen: 59900,
    shippingFeeFen: 0,
    totalPaidFen: 119800,
    quantity: { testUnits: 1, backupUnits: 1 },
    evidence,
    ...overrides,
  };
}

export const fullEvidence = (): Array<{ kind: string; objectId: string }> =>
  [
    'purchase-screen-recording',
    'order-screenshot',
    'chat-screenshot',
    'listing-snapshot',
    'product-claim-photo',
    'payment-proof',
  ].map((kind) => ({ kind, objectId: randomUUID() }));

export const uniquePlatform = (): string => `p${hex(4)}`;
