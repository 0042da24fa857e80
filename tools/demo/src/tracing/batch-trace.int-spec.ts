import { randomBytes } from 'node:crypto';
import { Topics, unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  localInfraEnv,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { readJaegerTrace, type TraceSpan } from '@qis/tracing';
import { createActors, EventWatcher, persona, type Actors } from '../actors';

jest.setTimeout(600_000);

const CATEGORY = 'silk-quilt';
const STANDARD = 'GB/T 24252-2019';
const tag = randomBytes(3).toString('hex');

/** The local Jaeger (`npm run infra -- up jaeger`; `npm test` starts it), or the one the env names. */
function jaeger(): { otlp: string; query: string } {
  const local = process.env['QIS_JAEGER_URL'] ? {} : localInfraEnv();
  return {
    otlp: process.env['QIS_JAEGER_OTLP_URL'] ?? (local['QIS_JAEGER_OTLP_URL'] as string),
    query: process.env['QIS_JAEGER_URL'] ?? (local['QIS_JAEGER_URL'] as string),
  };
}

/**
 * One batch's trace on the real stack: planning and purchasing as built processes exporting to
 * Jaeger, the batch issued by one HTTP call that arrives with a caller's `traceparent`, the trace
 * read back from Jaeger's HTTP API. Each hop must be the child of the one before, across the
 * outbox, Kafka and the other service's inbox.
 */
describe('traces: a batch issued in planning, followed into purchasing through Kafka', () => {
  const { otlp, query } = jaeger();
  const services: ServiceProcess[] = [];
  const drops: Array<() => Promise<void>> = [];
  let watcher: EventWatcher;
  let actors: Actors;
  const issuer = TestIssuer.shared();
  const planner = persona.planner();

  beforeAll(async () => {
    const up = await fetch(`${query}/api/services`).then(
      (r) => r.ok,
      () => false,
    );
    if (!up) throw new Error(`Jaeger is not answering at ${query}: start it with npm run infra -- up jaeger`);
    for (const name of ['planning', 'purchasing']) {
      const db = await createTestDatabase(name);
      drops.push(db.drop);
      services.push(
        spawnService(name, {
          HTTP_PORT: String(await freePort()),
          DB_NAME: db.name,
          LOG_LEVEL: 'warn',
          OTEL_EXPORTER_OTLP_ENDPOINT: otlp,
          TRACES_SAMPLE_RATIO: '1',
          // Export within a fraction of a second (the SDK's default waits 5 s).
          OTEL_BSP_SCHEDULE_DELAY: '200',
        }),
      );
    }
    await Promise.all(services.map((s) => waitForReady(s, 180_000)));
    const [planning, purchasing] = services.map((s) => s.url) as [string, string];
    actors = createActors(
      { planning, purchasing, evidence: planning, labGateway: planning, enforcement: planning },
      (claims) => issuer.sign(claims),
    );
    watcher = await EventWatcher.start({ topics: [Topics.BatchIssued] });
  });

  afterAll(async () => {
    await watcher?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all(drops.map((drop) => drop()));
  });

  /** An approved, selected plan of one silk quilt, ready to issue. */
  async function selectedPlan(): Promise<string> {
    const { planning } = actors;
    const body = `91330106MA2CF${tag.slice(0, 4).toUpperCase()}`.slice(0, 17);
    await planning.importListings(planner, [
      {
        platform: 'taobao',
        listingId: `88${tag}`,
        url: `https://item.taobao.com/item.htm?id=88${tag}`,
        title: '100%桑蚕丝被 春秋被',
        category: CATEGORY,
        brand: `丝之源${tag}`,
        priceFen: 29900,
        shopName: '丝之源家纺旗舰店',
        shopUrl: `https://shop88${tag}.taobao.com`,
        sellerName: '杭州丝之源家纺有限公司',
        sellerCreditCode: `${body}${unifiedSocialCreditCheckCharacter(body)}`,
        sellerAreaCode: '330106',
        operatorName: '浙江淘宝网络有限公司',
        observedAt: '2026-03-01T02:30:00Z',
      },
    ]);
    const plan = await planning.createPlan(planner, {
      kind: 'routine',
      title: `2026 年蚕丝被网络抽检 trace ${tag}`,
      seed: `trace-${tag}`,
      randomShare: 0.05,
      scheme: {
        categories: [
          {
            category: CATEGORY,
            quota: 1,
            riskWeight: 0.8,
            unitPriceCapFen: 150000,
            testUnits: 1,
            backupUnits: 1,
            testStandards: [STANDARD],
            testItems: ['纤维含量'],
          },
        ],
        budgetFen: 1_000_000,
        platforms: ['taobao'],
        judgmentRules: '依据 GB/T 24252-2019 判定',
        resultNotification: '检验结果于 5 个工作日内书面通知',
        reinspection: '异议 15 日内书面申请复检',
        contacts: [{ name: '陈工', phone: '0571-88000000' }],
      },
    });
    await planning.submitPlan(planner, plan.id);
    await planning.approvePlan(persona.approver(), plan.id);
    expect((await planning.runSelection(planner, plan.id)).listings).toHaveLength(1);
    return plan.id;
  }

  it("continues the caller's trace from the issuing request through the outbox and Kafka into purchasing's handler, each span the child of the one before", async () => {
    const planId = await selectedPlan();
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const issued = await fetch(`${services[0]?.url}/plans/${planId}/issue`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await issuer.sign(planner)}`,
        traceparent: `00-${traceId}-${callerSpan}-01`,
      },
    });
    expect(issued.status).toBe(200);
    const [{ batchNumber }] = (await issued.json()) as Array<{ batchNumber: string }>;

    // The Kafka message carries the trace on.
    const event = await watcher.waitForBatch(Topics.BatchIssued, batchNumber);
    const [version, eventTrace, eventParent, flags] = (event.headers['traceparent'] ?? '').split('-');
    expect({ version, eventTrace, flags }).toEqual({ version: '00', eventTrace: traceId, flags: '01' });

    const spanOf = (spans: TraceSpan[], service: string, name: string) =>
      spans.find((s) => s.service === service && s.name === name);
    const handlerName = 'handle BatchIssuedConsumer.onBatchIssued';
    const spans = await expectEventually(
      async () => {
        const found = await readJaegerTrace(query, traceId);
        const handler = spanOf(found, 'qis-purchasing', handlerName);
        expect(handler).toBeDefined();
        // The handler's statements are exported with it.
        expect(found.some((s) => s.parentSpanId === handler?.spanId)).toBe(true);
        return found;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    const request = spanOf(spans, 'qis-planning', 'POST /plans/:id/issue');
    const send = spanOf(spans, 'qis-planning', `send ${Topics.BatchIssued}`);
    const process = spanOf(spans, 'qis-purchasing', `process ${Topics.BatchIssued}`);
    const handler = spanOf(spans, 'qis-purchasing', handlerName);
    expect(request).toMatchObject({ kind: 'server', parentSpanId: callerSpan });
    expect(send).toMatchObject({ kind: 'producer', parentSpanId: request?.spanId });
    // The message names the send span as its parent: the consumer continues from there.
    expect(eventParent).toBe(send?.spanId);
    expect(process).toMatchObject({ kind: 'consumer', parentSpanId: send?.spanId });
    expect(handler).toMatchObject({ parentSpanId: process?.spanId });
    for (const span of [send, process])
      expect(span?.attributes).toMatchObject({
        'messaging.system': 'kafka',
        'qis.batch_number': batchNumber,
        'messaging.message.id': event.headers['message-id'],
      });
    // The handler's SQL, its statement without parameter values, in purchasing's part of the trace.
    const sql = spans.filter(
      (s) => s.parentSpanId === handler?.spanId && s.attributes['db.system.name'] === 'postgresql',
    );
    expect(sql.length).toBeGreaterThan(0);

    // No token, caller address, user agent or query string left the services in the trace.
    const exported = JSON.stringify(spans);
    expect(exported).not.toMatch(/Bearer|eyJ[\w-]{10,}/);
    for (const span of spans.filter((s) => s.kind === 'server'))
      for (const name of ['client.address', 'network.peer.address', 'user_agent.original', 'url.query'])
        expect(span.attributes).not.toHaveProperty([name]);
  });
});
