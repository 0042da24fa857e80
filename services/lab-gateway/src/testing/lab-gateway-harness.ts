import { randomBytes, randomUUID } from 'node:crypto';
import {
  decodeEvent,
  ReinspectionRequested,
  ReportIssued,
  SampleDispatched,
  SampleSealed,
} from '@qis/contracts';
import type { ReportIssuedValue, SampleDispatchedValue } from '@qis/contracts';
import { kafkaConnection, OutboxPublisher } from '@qis/messaging';
import { expectEventually, uniqueName, type TestService } from '@qis/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { shanghaiDate } from '@qis/domain';

export interface LabOverrides {
  name?: string;
  cmaExpiresOn?: string;
  cnasNumber?: string;
  cnasExpiresOn?: string;
  qualificationLevel?: number;
  scopes?: Array<{ category: string; standards: string[] }>;
  capacity?: number;
  turnaroundWorkingDays?: number;
  active?: boolean;
  sandbox?: boolean;
  /** The entrustment contract recorded with the lab (null: none); default covers every scope, 2026–2030. */
  contract?: ContractOverrides | null;
}

export interface ContractOverrides {
  contractNumber?: string;
  validFrom?: string;
  validTo?: string;
  turnaroundWorkingDays?: number;
  categories?: Array<{ category: string; priceFen: number; turnaroundWorkingDays?: number }>;
}

export interface DispatchRecord {
  id: string;
  labId: string;
  batchNumber: string;
  purpose: string;
  status: string;
  drawSeed: string;
  candidateLabIds: string[];
  redrawnLabId: string;
  dueOn: string;
  sampleCode: string;
  overdueAlertedAt: string | null;
}

const STANDARD = 'GB/T 24252-2019';

/**
 * Drives a lab gateway under test: registers labs and catalogues as an admin, emits sample-sealed
 * and re-inspection events through the service's own outbox (so they cross the real Kafka), and
 * reads what it dispatched and published.
 */
export class LabGatewayHarness {
  private readonly kafka = new Kafka({
    clientId: 'lab-gateway-test',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  private readonly consumers: Consumer[] = [];
  private sequence = Math.floor(Math.random() * 900_000);

  constructor(readonly service: TestService<LabGatewayConfig>) {}

  /** A category of its own, with a catalogue, so a test's labs and draws are isolated. */
  async newCategory(): Promise<string> {
    const category = `cat-${randomBytes(5).toString('hex')}`;
    const res = await fetch(`${this.service.url}/test-items/${category}`, {
      method: 'PUT',
      headers: { ...(await this.admin()), 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          { item: '蚕丝含量', mandatory: true },
          { item: '质量偏差率', mandatory: true },
          { item: '纤维含量', mandatory: true },
          { item: '杂质含量', mandatory: false },
        ],
      }),
    });
    if (res.status !== 200) throw new Error(`catalogue: ${res.status} ${await res.text()}`);
    return category;
  }

  async registerLab(category: string, overrides: LabOverrides = {}): Promise<string> {
    const { contract, ...lab } = overrides;
    const scopes = lab.scopes ?? [{ category, standards: [STANDARD] }];
    const res = await this.post('/labs', await this.admin(), {
      name: `实验室 ${randomBytes(3).toString('hex')}`,
      address: '浙江省杭州市西湖区示例路1号',
      cmaNumber: `CMA${randomBytes(6).toString('hex')}`,
      cmaExpiresOn: '2030-12-31',
      qualificationLevel: 2,
      scopes,
      capacity: 1000,
      turnaroundWorkingDays: 10,
      ...lab,
      ...(contract === null ? {} : { contract: this.contract(scopes, lab.turnaroundWorkingDays, contract) }),
    });
    if (res.status !== 201) throw new Error(`register lab: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  }

  /** An entrustment contract covering the given scopes' categories, in force 2026–2030. */
  contract(
    scopes: Array<{ category: string }>,
    turnaroundWorkingDays = 10,
    overrides: ContractOverrides = {},
  ): Record<string, unknown> {
    return {
      contractNumber: `WT-${randomBytes(6).toString('hex')}`,
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
      turnaroundWorkingDays,
      categories: scopes.map((s) => ({ category: s.category, priceFen: 80_000 })),
      ...overrides,
    };
  }

  /** A lab of its own category with one dispatched assignment, which it has accepted. */
  async acceptedAssignment(): Promise<{
    lab: string;
    auth: Record<string, string>;
    dispatch: DispatchRecord;
  }> {
    const category = await this.newCategory();
    const lab = await this.registerLab(category);
    const [dispatch] = await this.dispatchesOf(await this.seal(category));
    const auth = await this.lab(lab);
    const accepted = await this.post(`/v1/assignments/${dispatch.id}/accept`, auth, {});
    if (accepted.status !== 200)
      throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return { lab, auth, dispatch };
  }

  nextBatchNumber(): string {
    this.sequence = (this.sequence + 1) % 1_000_000;
    return `HZ2026-${String(this.sequence).padStart(6, '0')}`;
  }

  async seal(category: string, batchNumber = this.nextBatchNumber()): Promise<string> {
    await this.emit(SampleSealed, batchNumber, {
      batchNumber,
      sampleCode: `${batchNumber}-S`,
      category,
      claimed: { sampleName: '桑蚕丝被', productStandard: STANDARD, hasCertificate: true },
      testSample: { sealNumber: `FY-${batchNumber}-1`, units: 1 },
      backupSample: { sealNumber: `FY-${batchNumber}-2`, units: 1 },
      workOrderNumber: `GD-${batchNumber}`,
      unpackingSessionId: randomUUID(),
      sealedAt: new Date().toISOString(),
    });
    return batchNumber;
  }

  async requestReinspection(category: string, batchNumber: string, originalLabId: string): Promise<void> {
    await this.emit(ReinspectionRequested, batchNumber, {
      batchNumber,
      objectionId: randomUUID(),
      originalReportNumber: `R-${batchNumber}`,
      originalLabId,
      category,
      sampleCode: `${batchNumber}-S`,
      sampleRole: 'backup',
      sealNumber: `FY-${batchNumber}-2`,
      approvedAt: new Date().toISOString(),
      completeBy: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
  }

  /** The dispatches of a batch once there are `count` of them. */
  async dispatchesOf(batchNumber: string, count = 1): Promise<DispatchRecord[]> {
    return expectEventually(async () => {
      const res = await fetch(`${this.service.url}/dispatches?batchNumber=${batchNumber}`, {
        headers: await this.admin(),
      });
      const page = (await res.json()) as { items: DispatchRecord[] };
      expect(page.items.length).toBeGreaterThanOrEqual(count);
      return page.items;
    });
  }

  async lab(labId: string): Promise<Record<string, string>> {
    return this.service.auth({ roles: ['lab'], labId, sub: `lab-user-${labId.slice(0, 8)}` });
  }

  async admin(): Promise<Record<string, string>> {
    return this.service.auth({ roles: ['admin'], sub: 'admin-test' });
  }

  async post(
    path: string,
    headers: Record<string, string>,
    body: unknown,
    key: string | null = randomUUID(),
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const res = await fetch(`${this.service.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }

  async get(path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.service.url}${path}`, { headers });
    return { status: res.status, body: await res.json() };
  }

  /** A report on a sample dispatched today that passes every rule (tests break what they need). */
  validReport(sampleCode: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const today = shanghaiDate(new Date());
    return {
      reportNumber: `R-${randomBytes(6).toString('hex')}`,
      sample: { sampleCode, conditionOnReceipt: '封样完好，包装无破损', receivedOn: today },
      testedFrom: today,
      testedTo: today,
      items: [
        {
          item: '蚕丝含量',
          standard: `${STANDARD} 5.2`,
          requirement: '≥ 100.0',
          measuredValue: '62.3',
          unit: '%',
          verdict: 'fail',
        },
        {
          item: '质量偏差率',
          standard: `${STANDARD} 5.3`,
          requirement: '≥ -5.0',
          measuredValue: '-1.2',
          unit: '%',
          verdict: 'pass',
        },
        {
          item: '纤维含量',
          standard: `${STANDARD} 5.4`,
          requirement: '符合标识',
          measuredValue: '符合',
          verdict: 'pass',
        },
      ],
      verdict: 'fail',
      failingItems: ['蚕丝含量'],
      reportDocumentId: randomUUID(),
      authorisedBy: '王工',
      authorisedTitle: '授权签字人',
      issuedAt: new Date().toISOString(),
      ...overrides,
    };
  }

  /** Reads report-issued from the start of the (test-prefixed) topic, as enforcement would. */
  async reportsIssued(): Promise<ReportIssuedValue[]> {
    return this.read(ReportIssued.topic, (raw) => decodeEvent(ReportIssued, raw));
  }

  async samplesDispatched(): Promise<SampleDispatchedValue[]> {
    return this.read(SampleDispatched.topic, (raw) => decodeEvent(SampleDispatched, raw));
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.disconnect()));
  }

  private async read<V extends object>(
    topic: string,
    decode: (raw: Buffer | null) => { ok: true; value: V } | { ok: false },
  ): Promise<V[]> {
    const seen: V[] = [];
    const consumer = this.kafka.consumer({ groupId: uniqueName('lab-gateway-reader') });
    this.consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({
      topic: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${topic}`,
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const decoded = decode(message.value);
        if (!decoded.ok) throw new Error(`undecodable event on ${topic}`);
        seen.push(decoded.value);
      },
    });
    return seen;
  }

  private async emit(
    contract: typeof SampleSealed | typeof ReinspectionRequested,
    key: string,
    value: object,
  ): Promise<void> {
    const dataSource = this.service.app.get(DataSource);
    const outbox = this.service.app.get(OutboxPublisher);
    await dataSource.transaction((manager) => outbox.publish(manager, [{ contract, key, value }]));
  }
}
