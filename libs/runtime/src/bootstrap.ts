import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule } from '@nestjs/swagger';
import { assertEveryRouteHasPolicy } from '@qis/auth';
import { ConfigError, loadConfig, type ServiceConfig } from '@qis/config';
import { declaredTopics } from '@qis/contracts';
import {
  EventConsumerServer,
  EventHandlerRegistry,
  kafkaClientConfig,
  KafkaPublisher,
  prefixedTopic,
  provisionTopics,
} from '@qis/messaging';
import { migrateAsOwner } from '@qis/persistence';
import { stopTracing } from '@qis/tracing';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Logger } from 'nestjs-pino';
import { StartupState } from './health/startup-state';
import { useBodyParsers } from './http/body-parsers';
import { openApiDocument } from './http/openapi';
import { strictValidationPipe } from './http/validation';
import { kafkaLogSink } from './kafka/kafka.providers';
import { serveMetrics, ServiceMetrics } from './metrics/service-metrics';
import { appendOnlyTables, RuntimeModule, servicePersistence } from './runtime.module';
import { defaultConsumerGroup, type ServiceDefinition } from './service-definition';

export interface RunningService<C extends ServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
}

/** Reads and validates the config; a bad environment stops the process with every problem named. */
export function configOrExit<C extends ServiceConfig>(def: ServiceDefinition<C>, env = process.env): C {
  try {
    return loadConfig(def.config, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${def.name}: ${error.message}\n`);
    process.exit(1);
  }
}

/** Creates the declared topics; waits (and says so) while the broker is not there yet. */
async function provisionWhenBrokerUp(
  def: ServiceDefinition,
  config: ServiceConfig,
  logger: NestLogger,
): Promise<void> {
  const kafka = new Kafka({
    ...kafkaClientConfig(config, `qis-${def.name}-admin`, kafkaLogSink(def.name, 'error')),
    retry: { retries: 2 },
  });
  for (let attempt = 1; ; attempt++) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const topics = [...declaredTopics(), ...(def.extraTopics ?? []).flatMap((t) => [t, `${t}.dlq`])].map(
        (t) => prefixedTopic(t, config.KAFKA_TOPIC_PREFIX),
      );
      const settings = (retentionMs: number) => ({
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_REPLICATION_FACTOR,
        configEntries: { 'retention.ms': String(retentionMs) },
      });
      const created = [
        ...(await provisionTopics(
          admin,
          topics.filter((t) => !t.endsWith('.dlq')),
          settings(config.KAFKA_TOPIC_RETENTION_MS),
        )),
        ...(await provisionTopics(
          admin,
          topics.filter((t) => t.endsWith('.dlq')),
          settings(config.KAFKA_DLQ_RETENTION_MS),
        )),
      ];
      if (created.length > 0) logger.log(`created ${created.length} topics`);
      return;
    } catch (error) {
      logger.warn(`Kafka not reachable yet (attempt ${attempt}): ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * attempt)));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

/**
 * SIGTERM/SIGINT: close the app (the Kafka consumer leaves its group, connections drain), export
 * the spans still buffered, then exit 0; a second signal or a stuck close exits 1 at once.
 */
function handleShutdown(app: INestApplication, name: string, graceMs = 20_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    new NestLogger('shutdown').log(`${name} received ${signal}, shutting down`);
    setTimeout(() => process.exit(1), graceMs).unref();
    app
      .close()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', onSignal);
  // A cluster worker is stopped by its primary's SIGTERM; a terminal's Ctrl-C reaches the whole
  // process group, and a second signal would end the worker at once, before it closed.
  if (cluster.isWorker) process.on('SIGINT', () => undefined);
  else process.once('SIGINT', onSignal);
}

/** The argument that makes a service's main.js migrate and exit (the Helm chart's migration Job). */
export const MIGRATE_ONLY_ARG = '--migrate-only';

/**
 * Migrates the service's database as the owner role (DB_MIGRATION_USER), grants the runtime role,
 * and returns without starting anything: `node dist/services/<service>/src/main.js --migrate-only`,
 * run before a rollout (expand first; the running version keeps working on the expanded schema).
 */
export async function migrateOnly<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const config = configOrExit(def, env);
  if (!config.DB_MIGRATION_USER)
    throw new Error(`${MIGRATE_ONLY_ARG} needs DB_MIGRATION_USER, the owner role that runs the migrations`);
  await migrateAsOwner(config, servicePersistence(def), appendOnlyTables(def));
}

/** Whether the database lacks a migration of this build (read only: the runtime role creates nothing). */
async function migrationsPending(dataSource: DataSource): Promise<boolean> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [{ present }] = (await dataSource.query('select to_regclass($1) is not null as present', [
    `public.${table}`,
  ])) as Array<{ present: boolean }>;
  return !present || (await dataSource.showMigrations());
}

export interface BootstrapOptions {
  env?: NodeJS.ProcessEnv;
  /** Consumer group; defaults to `<topic prefix>qis-<service>`, so prefixed environments never share a group. */
  groupId?: string;
  /** Port override (0 = any free port), for tests. */
  port?: number;
}

/**
 * Boots a stage service as a hybrid app: HTTP API (OpenAPI at /docs, JSON at /docs-json), a Kafka
 * consumer, its PostgreSQL database (migrations at start), health endpoints, JSON logs with a
 * request id, and graceful shutdown (the consumer leaves its group on SIGTERM).
 */
export async function bootstrapService<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  options: BootstrapOptions = {},
): Promise<RunningService<C>> {
  if (process.argv.includes(MIGRATE_ONLY_ARG)) {
    await migrateOnly(def, options.env ?? process.env);
    process.stdout.write(`${JSON.stringify({ level: 'info', service: def.name, msg: 'migrated' })}\n`);
    process.exit(0);
  }
  const config = configOrExit(def, options.env ?? process.env);
  const groupId = options.groupId ?? defaultConsumerGroup(def, config);
  // The owner role migrates and grants; the service then runs as the runtime role (migrateAsOwner).
  if (config.DB_MIGRATION_USER && config.DB_MIGRATE_AT_START)
    await migrateAsOwner(config, servicePersistence(def), appendOnlyTables(def));
  const app = await NestFactory.create(RuntimeModule.forService(def, config, groupId), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false, // registered below, with a stated limit and their refusals mapped
  });
  if (!config.DB_MIGRATE_AT_START && (await migrationsPending(app.get(DataSource)))) {
    await app.close();
    throw new Error(`migrations are pending: run ${MIGRATE_ONLY_ARG} first (DB_MIGRATE_AT_START=false)`);
  }
  const metrics = new ServiceMetrics(def.name);
  app.use(metrics.httpMiddleware());
  serveMetrics(app, metrics, config.METRICS_TOKEN);
  useBodyParsers(app, config.HTTP_BODY_LIMIT_KB * 1024);
  try {
    // A route nobody declared a policy for must never go live, not even as "authenticated only".
    assertEveryRouteHasPolicy(app);
  } catch (error) {
    await app.close();
    throw error;
  }
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const logger = new NestLogger('bootstrap');
  app.useGlobalPipes(strictValidationPipe());
  handleShutdown(app, def.name);

  if (config.SWAGGER_ENABLED) {
    const document = openApiDocument(app, def);
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }

  const server = app.getHttpServer() as Server;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = config.HTTP_KEEP_ALIVE_TIMEOUT_MS;
  // HTTP first, so /health answers (not ready) while the broker is still coming.
  await app.listen(options.port ?? config.HTTP_PORT, config.HTTP_HOST);
  await provisionWhenBrokerUp(def, config, logger);
  const consumer = new EventConsumerServer({
    kafka: app.get(Kafka),
    groupId,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    dataSource: app.get(DataSource),
    registry: app.get(EventHandlerRegistry),
    deadLetters: app.get(KafkaPublisher),
    // one transaction in flight per partition: the database's group commit does the rest
    partitionsConsumedConcurrently: config.KAFKA_TOPIC_PARTITIONS,
    metrics,
  });
  app.connectMicroservice({ strategy: consumer });
  metrics.watchOutbox(app.get(DataSource));
  metrics.watchConsumerLag(app.get(Kafka), groupId, () => consumer.topics);
  def.metrics?.(metrics.registry, app);
  await app.startAllMicroservices();
  app.get(StartupState).markStarted();
  const url = await app.getUrl();
  logger.log(`${def.name} ready on ${url}`);
  return { app, config, url: url.replace('[::1]', '127.0.0.1') };
}
