import { randomBytes } from 'node:crypto';
import { ComplaintReceived } from '@qis/contracts';
import { kafkaConnection, prefixedTopic } from '@qis/messaging';
import { expectEventually, sendEvents, startTestService, type TestService } from '@qis/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { planningService } from './planning.definition';

/** One sample of the Prometheus text format: name, labels, value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (comments skipped, labels unescaped). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]] = l[2].replace(/\\(.)/g, '$1');
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

/** What an operator's Prometheus scrapes from a service: HTTP, events, outbox, lag, the process. */
describe('service metrics (GET /metrics)', () => {
  let service: TestService<never>;
  let producer: Producer;
  const kafka = new Kafka({
    clientId: 'metrics-test',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });

  beforeAll(async () => {
    service = (await startTestService(planningService)) as TestService<never>;
    producer = kafka.producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  const scrape = async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${service.url}/metrics`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return parse(await res.text());
  };

  it('counts requests and their latency per route template and status, labelled with the service', async () => {
    const planner = await service.auth({ roles: ['planner'] });
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${service.url}/plans`, { headers: planner })).status).toBe(200);
    expect(
      (
        await fetch(`${service.url}/plans/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, {
          headers: planner,
        })
      ).status,
    ).toBe(404);
    const samples = await scrape();
    const ok = find(samples, 'qis_http_requests_total', { method: 'GET', route: '/plans', status: '200' });
    expect(ok).toHaveLength(1);
    expect(ok[0].value).toBeGreaterThanOrEqual(3);
    expect(ok[0].labels['service']).toBe('planning');
    // A route's template, never its ids (bounded label values).
    expect(find(samples, 'qis_http_requests_total', { route: '/plans/:id', status: '404' })[0]?.value).toBe(
      1,
    );
    expect(samples.some((s) => /[0-9a-f]{8}-/.test(s.labels['route'] ?? ''))).toBe(false);
    const count = find(samples, 'qis_http_request_duration_seconds_count', {
      method: 'GET',
      route: '/plans',
    });
    expect(count[0].value).toBeGreaterThanOrEqual(3);
    expect(find(samples, 'qis_process_resident_memory_bytes')[0].value).toBeGreaterThan(0);
  });

  it('counts events applied, duplicates skipped and dead letters per topic; shows outbox backlog and consumer lag', async () => {
    const complaint = (id: string) => ({
      key: `taobao:${id}`,
      value: {
        ...ComplaintReceived.example.value,
        complaintId: id,
        listingId: `M-${id}`,
        platform: 'taobao',
      },
    });
    const id = `C-${randomBytes(4).toString('hex')}`;
    await sendEvents(producer, ComplaintReceived, [complaint(id)], 'metrics-test');
    await producer.send({
      topic: prefixedTopic(ComplaintReceived.topic),
      messages: [{ key: 'x', value: 'not json' }],
    });
    const topic = prefixedTopic(ComplaintReceived.topic);
    const samples = await expectEventually(async () => {
      const s = await scrape();
      expect(
        find(s, 'qis_events_consumed_total', { topic, outcome: 'applied' })[0]?.value,
      ).toBeGreaterThanOrEqual(1);
      expect(find(s, 'qis_dead_letters_total', { topic, kind: 'poison' })[0]?.value).toBe(1);
      return s;
    });
    expect(find(samples, 'qis_outbox_backlog')).toHaveLength(1);
    expect(find(samples, 'qis_outbox_oldest_age_seconds')[0].value).toBeGreaterThanOrEqual(0);
    await expectEventually(async () => {
      const lag = find(await scrape(), 'qis_consumer_lag', { topic });
      expect(lag.length).toBeGreaterThan(0);
      expect(lag.every((l) => l.value === 0)).toBe(true);
    });
  });

  it('asks for the scrape token when one is configured', async () => {
    const token = randomBytes(16).toString('hex');
    const guarded = await startTestService(planningService, { METRICS_TOKEN: token });
    try {
      const refused = await fetch(`${guarded.url}/metrics`, {
        headers: { authorization: 'Bearer wrong-token-of-32-characters!!' },
      });
      expect(refused.status).toBe(401);
      expect(await refused.text()).not.toContain('qis_');
      const anonymous = await fetch(`${guarded.url}/metrics`);
      expect(anonymous.status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('qis_http_requests_total');
    } finally {
      await guarded.stop();
    }
  });
});
