import {
  OrderPlaced,
  ReportIssued,
  SampleDispatched,
  SampleSealed,
  type OrderPlacedValue,
  type ReportIssuedValue,
  type SampleSealedValue,
} from '@qis/contracts';
import type { EventContract } from '@qis/messaging';
import { expectEventually, sendEvents, startTestService, type TestService } from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { EnforcementConfig } from '../enforcement.config';
import { enforcementService } from '../enforcement.definition';

export const orderPlacedExample = OrderPlaced.example;
export const sampleSealedExample = SampleSealed.example;
export const reportIssuedExample = ReportIssued.example;

export type Claims = Parameters<TestService<EnforcementConfig>['auth']>[0];

export interface ApiResult<T> {
  status: number;
  body: T;
}

/** Drives the running enforcement service: events in through Kafka, HTTP calls, outbox reads. */
export class EnforcementFixture {
  private producer: Producer | undefined;
  private readonly kafka = new Kafka({
    clientId: 'enforcement-int-test',
    brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
    logLevel: logLevel.NOTHING,
  });

  constructor(readonly service: TestService<EnforcementConfig>) {}

  /**
   * The service on a database of its own; the deadline scheduler stays quiet (tests scan when they
   * mean to, `POST /deadlines/scan`) unless `env` says otherwise.
   */
  static async start(env: Record<string, string> = {}): Promise<EnforcementFixture> {
    return new EnforcementFixture(
      await startTestService(enforcementService, { DEADLINE_SCAN_INTERVAL_MS: '3600000', ...env }),
    );
  }

  /** Disconnects the test producer and stops the service. */
  async stop(): Promise<void> {
    await this.producer?.disconnect();
    await this.service.stop();
  }

  async emit<V extends object>(contract: EventContract<V>, key: string, value: V): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    await sendEvents(this.producer, contract, [{ key, value }], 'enforcement-int-test');
  }

  /** Order, sealed sample and first report of a batch, from the contracts' examples with overrides. */
  async batch(
    batchNumber: string,
    over: {
      order?: Partial<OrderPlacedValue>;
      sealed?: Partial<SampleSealedValue>;
      report?: Partial<ReportIssuedValue>;
    } = {},
  ): Promise<void> {
    await this.emit(OrderPlaced, batchNumber, { ...orderPlacedExample.value, ...over.order, batchNumber });
    await this.emit(SampleSealed, batchNumber, { ...sampleSealedExample.value, ...over.sealed, batchNumber });
    await this.report(batchNumber, over.report);
  }

  async report(batchNumber: string, over: Partial<ReportIssuedValue> = {}): Promise<void> {
    await this.emit(ReportIssued, batchNumber, { ...reportIssuedExample.value, batchNumber, ...over });
  }

  /** lab-gateway drew the re-inspection lab of the batch at `dispatchedAt`. */
  async dispatchReinspection(batchNumber: string, dispatchedAt: string): Promise<void> {
    await this.emit(SampleDispatched, batchNumber, {
      ...SampleDispatched.example.value,
      batchNumber,
      purpose: 're-inspection',
      reinspectionOfReport: reportIssuedExample.value.reportNumber,
      sampleRole: 'backup',
      sealNumber: sampleSealedExample.value.backupSample.sealNumber,
      labId: '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f60',
      labName: '国家示例纺织品质量检验检测中心',
      dispatchedAt,
    });
  }

  async call<T>(method: string, path: string, claims: Claims, body?: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${this.service.url}${path}`, {
      method,
      headers: { ...(await this.service.auth(claims)), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Waits until the batch's result notices exist (the events crossed Kafka). */
  async notices<T extends { kind: string }>(batchNumber: string, kind = 'result', count = 1): Promise<T[]> {
    let found: T[] = [];
    await expectEventually(
      async () => {
        const res = await this.call<T[]>('GET', `/batches/${batchNumber}/notices`, { roles: ['approver'] });
        found = res.body.filter((n) => n.kind === kind);
        expect(found.length).toBeGreaterThanOrEqual(count);
      },
      { timeoutMs: 30_000 },
    );
    return found;
  }

  /** Events this service committed to publish (its outbox), by type and batch. */
  async published<V>(contract: EventContract<object>, batchNumber: string): Promise<V[]> {
    const rows = (await this.service.app
      .get(DataSource)
      .query(`select payload from outbox where topic = $1 and message_key = $2 order by id`, [
        contract.topic,
        batchNumber,
      ])) as Array<{
      payload: string | object;
    }>;
    return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as V);
  }

  /** Records every open result notice of the batch as sent and received at `receivedAt`. */
  async deliverAll(batchNumber: string, receivedAt: string, kind = 'result'): Promise<void> {
    const notices = await this.notices<{
      id: string;
      kind: string;
      channel: string;
      withdrawnAt: string | null;
      receivedAt: string | null;
    }>(batchNumber, kind);
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    for (const n of notices.filter((x) => x.channel !== 'public-notice' && !x.withdrawnAt && !x.receivedAt)) {
      const res = await this.call('POST', `/notices/${n.id}/delivery`, officer, {
        sentAt: receivedAt,
        receivedAt,
      });
      expect(res.status).toBe(200);
    }
  }

  async scan(): Promise<void> {
    const res = await this.call('POST', '/deadlines/scan', { roles: ['admin'] });
    expect(res.status).toBe(200);
  }
}
