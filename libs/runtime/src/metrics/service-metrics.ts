import { timingSafeEqual } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { ConsumerMetrics } from '@qis/messaging';
import type { NextFunction, Request, Response } from 'express';
import type { Kafka } from 'kafkajs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource as DataSourceToken, type DataSource } from 'typeorm';
import { ErrorCode } from '@qis/domain';

/**
 * One service's Prometheus metrics, in a registry of its own (several services may share a test
 * process): the Node process's, HTTP rate, errors and latency per route, events applied, skipped as
 * duplicates, retried and dead-lettered per topic, consumer lag and the outbox backlog and age
 * (read when scraped), and the service's own (ServiceDefinition.metrics).
 */
export class ServiceMetrics implements ConsumerMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly events: Counter<'topic' | 'outcome'>;
  private readonly deadLetters: Counter<'topic' | 'kind'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry, prefix: 'qis_' });
    this.httpRequests = new Counter({
      name: 'qis_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.httpDuration = new Histogram({
      name: 'qis_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route template',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.events = new Counter({
      name: 'qis_events_consumed_total',
      help: 'Events consumed, by topic and outcome (applied, duplicate, retried, dead-lettered)',
      labelNames: ['topic', 'outcome'],
      registers: [this.registry],
    });
    this.deadLetters = new Counter({
      name: 'qis_dead_letters_total',
      help: 'Messages sent to a dead-letter topic, by original topic and error kind',
      labelNames: ['topic', 'kind'],
      registers: [this.registry],
    });
  }

  applied(topic: string, count: number): void {
    if (count > 0) this.events.inc({ topic, outcome: 'applied' }, count);
  }

  duplicates(topic: string, count: number): void {
    if (count > 0) this.events.inc({ topic, outcome: 'duplicate' }, count);
  }

  retried(topic: string): void {
    this.events.inc({ topic, outcome: 'retried' });
  }

  deadLettered(topic: string, kind: string): void {
    this.events.inc({ topic, outcome: 'dead-lettered' });
    this.deadLetters.inc({ topic, kind });
  }

  /** Express middleware: times each request and counts it under its route template when answered. */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const end = this.httpDuration.startTimer();
      res.once('finish', () => {
        const template = (req.route as { path?: string } | undefined)?.path;
        const route = template ? `${req.baseUrl}${template}` : 'unmatched';
        end({ method: req.method, route });
        this.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** Outbox backlog and the age of its oldest unsent row, read from the service's database at each scrape. */
  watchOutbox(dataSource: DataSource): void {
    const read = async () =>
      (
        (await dataSource.query(
          `select count(*)::int as backlog,
                coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as age
           from outbox where sent_at is null`,
        )) as Array<{ backlog: number; age: number }>
      )[0];
    new Gauge({
      name: 'qis_outbox_backlog',
      help: 'Outbox rows not yet published to Kafka',
      registers: [this.registry],
      async collect() {
        this.set((await read()).backlog);
      },
    });
    new Gauge({
      name: 'qis_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox row not yet published (0 when none)',
      registers: [this.registry],
      async collect() {
        this.set((await read()).age);
      },
    });
  }

  /** Consumer lag per topic and partition of the service's group, read from the broker at each scrape. */
  watchConsumerLag(kafka: Kafka, groupId: string, topics: () => string[]): void {
    new Gauge({
      name: 'qis_consumer_lag',
      help: "Messages on a partition not yet committed by the service's consumer group",
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const wanted = topics();
        if (wanted.length === 0) return;
        const admin = kafka.admin();
        await admin.connect();
        try {
          const committed = await admin.fetchOffsets({ groupId, topics: wanted });
          for (const { topic, partitions } of committed) {
            const ends = await admin.fetchTopicOffsets(topic);
            for (const p of partitions) {
              const end = Number(ends.find((e) => e.partition === p.partition)?.high ?? 0);
              const at = Number(p.offset) < 0 ? 0 : Number(p.offset);
              this.set({ topic, partition: String(p.partition) }, Math.max(0, end - at));
            }
          }
        } finally {
          await admin.disconnect();
        }
      },
    });
  }
}

/**
 * GET /metrics in the Prometheus text format, outside the API (no OpenAPI entry, no user token):
 * with METRICS_TOKEN set the scraper sends it as a bearer token (required in production), else
 * it is open (development, tests).
 */
export function serveMetrics(
  app: INestApplication,
  metrics: ServiceMetrics,
  token: string | undefined,
): void {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  app.use('/metrics', async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).json({
          statusCode: 401,
          error: 'Unauthorized',
          code: ErrorCode.unauthorized,
          message: 'metrics need the scrape token',
        });
        return;
      }
    }
    try {
      const body = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.send(body);
    } catch (error) {
      next(error);
    }
  });
}

/**
 * A gauge read from the service's own database at each scrape: `sql` returns one row per label set,
 * with the label columns and a numeric `value` column (ServiceDefinition.metrics).
 */
export function sqlGauge(
  registry: Registry,
  app: INestApplication,
  spec: { name: string; help: string; labelNames?: string[]; sql: string },
): void {
  const dataSource = app.get(DataSourceToken);
  new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames ?? [],
    registers: [registry],
    async collect() {
      this.reset();
      const rows = (await dataSource.query(spec.sql)) as Array<Record<string, unknown>>;
      for (const row of rows) {
        const labels = Object.fromEntries((spec.labelNames ?? []).map((l) => [l, String(row[l])]));
        this.set(labels, Number(row['value']));
      }
    },
  });
}
