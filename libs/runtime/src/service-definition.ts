import type { ServiceConfig } from '@qis/config';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { MixedList } from 'typeorm';

export interface ServiceDefinition<C extends ServiceConfig = ServiceConfig> {
  /** Short name: `planning`, `lab-gateway`, … Used in logs, client ids and consumer groups. */
  name: string;
  /** Title and description of the OpenAPI document. */
  title: string;
  description: string;
  config: new () => C;
  entities: MixedList<Type<unknown>>;
  migrations: MixedList<Type<unknown>>;
  /** The service's feature modules. */
  imports?: Array<Type<unknown> | DynamicModule>;
  /** Topics this service needs beyond the declared contracts (and their dead-letter topics). */
  extraTopics?: string[];
  /**
   * Ledgers of this service the runtime role may only read and append to, beside the audit log
   * (with DB_MIGRATION_USER set; see migrateAsOwner).
   */
  appendOnlyTables?: string[];
  /**
   * The service's own Prometheus metrics (e.g. legal deadlines due and missed, evidence bytes
   * stored), registered in its registry after start; read at each scrape.
   */
  metrics?: (registry: Registry, app: INestApplication) => void;
  /**
   * Statements with parameters run as named prepared statements of their connection
   * (`PreparingClient` in @qis/persistence): for hot paths made of many small statements.
   */
  preparedStatements?: boolean;
  /** Evidence keeps objects: its readiness includes the object store. */
  objectStore?: { bucket(config: C): string };
  /**
   * How one operation's answer feeds the next (OpenAPI links): a client generator or a stateful
   * fuzzer follows them to create a plan and then approve it, start an upload and then finalize it.
   */
  openApiLinks?: readonly OpenApiLink[];
}

/**
 * From the success answer of operation `from`, each operation in `to` can be called with
 * `parameters` taken from that answer (runtime expressions, e.g. `$response.body#/id`). Operations
 * are named by operationId; npm run openapi refuses a link to an operation or parameter that does
 * not exist.
 */
export interface OpenApiLink {
  from: string;
  to: readonly string[];
  parameters: Readonly<Record<string, string>>;
}

export const SERVICE_DEFINITION = Symbol('SERVICE_DEFINITION');
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
/** The consumer group this instance's Kafka consumer joins (dead letters carry it). */
export const CONSUMER_GROUP = Symbol('CONSUMER_GROUP');

/** `KAFKA_CONSUMER_GROUP`, else `<topic prefix>qis-<service>`, so prefixed environments never share a group. */
export const defaultConsumerGroup = (def: Pick<ServiceDefinition, 'name'>, config: ServiceConfig): string =>
  config.KAFKA_CONSUMER_GROUP || `${config.KAFKA_TOPIC_PREFIX}qis-${def.name}`;
