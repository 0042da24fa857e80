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
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { EnforcementConfig } from '../enforcement.config';
import { enforcementService } from '../enforcement.definition';
import { shanghaiDate } from '@qis/domain';
import { holidaySchedule2027 } from './holiday-schedule-2027';

export const orderPlacedExample = OrderPlaced.example;
export const sampleSealedExample = SampleSealed.example;
export const reportIssuedExample = ReportIssued.example;

export type Claims = Parameters<TestService<EnforcementConfig>['auth']>[0];

/** An objection's materials checklist with every item received: a re-inspection can be approved. */
export const materialsReceived = {
  noticeReceipt: 'received',
  writtenApplication: 'received',
  proofOfStanding: 'received',
  powerOfAttorney: 'received',
  authorisedPersonId: 'received',
} as const;

/** A 《复检机构确定通知书》 as GET /objections/{id}/lab-notices lists it. */
export interface LabNoticeBody {
  id: string;
  recipient: 'applicant' | 'reinspection-lab';
  recipientName: string;
  noticeNumber: string;
  supersededAt: string | null;
  sentAt: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  deliveryFailedAt: string | null;
  deliveryFailureReason: string | null;
  evidenceObjectId: string | null;
}

export interface ApiResult<T> {
  status: number;
  body: T;
}

/** Drives the running enforcement service: events in through Kafka, HTTP calls, outbox reads. */
export class EnforcementFixture {
  private producer: Producer | undefined;
  private readonly kafka = new Kafka({
    clientId: 'enforcement-int-test',
    ...kafkaConnection(),
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

  /** The time enforcement's legal clocks read (`GET /ops/clock`). */
  async now(): Promise<Date> {
    const res = await this.call<{ now: string }>('GET', '/ops/clock', {
      roles: ['admin'],
      sub: 'admin-test',
    });
    expect(res.status).toBe(200);
    return new Date(res.body.now);
  }

  /**
   * Moves enforcement's clock forward by `ms` (`POST /ops/clock`; the test stack runs with
   * `CLOCK_OVERRIDE_ENABLED=true`), so legal periods run out instead of records being back-dated.
   * Past the end of 2026 the calendar needs the next year's schedule: the illustrative 2027 one
   * (testing/holiday-schedule-2027) is loaded and approved first when the clock would reach it.
   */
  async advance(ms: number): Promise<Date> {
    const target = new Date((await this.now()).getTime() + ms + 40 * 86_400_000);
    if (shanghaiDate(target) >= '2027-01-01') await this.knowYear2027();
    const res = await this.call<{ now: string }>(
      'POST',
      '/ops/clock',
      { roles: ['admin'], sub: 'admin-test' },
      {
        byMs: ms,
      },
    );
    expect(res.status).toBe(200);
    return new Date(res.body.now);
  }

  /** Moves the clock to `at` (never back: a legal clock only runs forward). */
  async advanceTo(at: Date): Promise<Date> {
    const now = await this.now();
    return at > now ? this.advance(at.getTime() - now.getTime()) : now;
  }

  /** The objection windows of a receipt now have run out: the clock moved 25 days on (15 days and holidays). */
  async windowsRunOut(): Promise<void> {
    await this.advance(25 * 86_400_000);
    await this.scan();
  }

  private async knowYear2027(): Promise<void> {
    const known = await this.call<{ source: string }>('GET', '/calendar/years/2027', { roles: ['admin'] });
    if (known.body.source !== 'none') return;
    const submitted = await this.call<{ id: string }>(
      'POST',
      '/calendar/years',
      { roles: ['admin'], sub: 'admin-wang' },
      holidaySchedule2027(),
    );
    expect(submitted.status).toBe(201);
    const approved = await this.call(
      'POST',
      '/calendar/years/2027/approve',
      { roles: ['admin'], sub: 'admin-li' },
      {
        scheduleId: submitted.body.id,
        note: '测试用',
      },
    );
    expect(approved.status).toBe(200);
  }

  /**
   * Records every open result notice of the batch as sent and received at `receivedAt`, by default
   * now on enforcement's clock (a receipt on an earlier day is refused without a second officer).
   */
  async deliverAll(batchNumber: string, receivedAt?: string, kind = 'result'): Promise<string> {
    let notices = await this.notices<{
      id: string;
      kind: string;
      channel: string;
      withdrawnAt: string | null;
      receivedAt: string | null;
      evidenceObjectId: string | null;
    }>(batchNumber, kind);
    // Storing PDFs as evidence, the service records no delivery before a notice's PDF is stored.
    if (this.service.config.EVIDENCE_URL)
      await expectEventually(
        async () => {
          notices = await this.notices(batchNumber, kind);
          expect(notices.filter((n) => n.channel !== 'public-notice' && !n.evidenceObjectId)).toEqual([]);
        },
        { timeoutMs: 60_000 },
      );
    const at = receivedAt ?? (await this.now()).toISOString();
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    for (const n of notices.filter((x) => x.channel !== 'public-notice' && !x.withdrawnAt && !x.receivedAt)) {
      const res = await this.call('POST', `/notices/${n.id}/delivery`, officer, {
        sentAt: at,
        receivedAt: at,
      });
      expect(res.status).toBe(200);
    }
    return at;
  }

  /**
   * The objection's 《复检机构确定通知书》 once issued (and, storing PDFs, stored), current ones only;
   * `recipient` picks the applicant's or the lab's.
   */
  async labNotices(objectionId: string): Promise<LabNoticeBody[]> {
    let found: LabNoticeBody[] = [];
    await expectEventually(
      async () => {
        const res = await this.call<LabNoticeBody[]>('GET', `/objections/${objectionId}/lab-notices`, {
          roles: ['approver'],
        });
        found = res.body.filter((n) => !n.supersededAt);
        expect(found.map((n) => n.recipient).sort()).toEqual(['applicant', 'reinspection-lab']);
        if (this.service.config.EVIDENCE_URL) expect(found.every((n) => n.evidenceObjectId)).toBe(true);
      },
      { timeoutMs: 60_000 },
    );
    return found;
  }

  /**
   * The applicant (and the lab) received the objection's current 《复检机构确定通知书》 now on
   * enforcement's clock, handed over in person: the 7 days for the procedures start; returns when.
   */
  async receiveLabNotices(objectionId: string): Promise<string> {
    const at = (await this.now()).toISOString();
    const officer = { roles: ['enforcement-officer'], jurisdiction: '330100', sub: 'officer-330100' };
    for (const n of await this.labNotices(objectionId)) {
      const res = await this.call('POST', `/reinspection-lab-notices/${n.id}/delivery`, officer, {
        channel: 'in-person',
        sentAt: at,
        receivedAt: at,
        receivedBy: n.recipientName,
      });
      expect(res.status).toBe(200);
    }
    return at;
  }

  async scan(): Promise<void> {
    const res = await this.call('POST', '/deadlines/scan', { roles: ['admin'] });
    expect(res.status).toBe(200);
  }
}
