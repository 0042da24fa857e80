import { readFileSync } from 'node:fs';
import type { ServiceConfig } from '@qis/config';
import type { BrokerLogin } from './broker-admin/broker-connection';
import { logLevel, type KafkaConfig, type logCreator, type SASLOptions } from 'kafkajs';

export interface LogSink {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Sends kafkajs' own log lines to the service's structured logger. */
const kafkaLogCreator =
  (sink: LogSink): logCreator =>
  () =>
  ({ level, log }) => {
    const { message, ...extra } = log;
    const obj = { kafka: extra };
    // kafkajs reports every retriable protocol error at ERROR; the ones that matter surface as
    // exceptions to the caller, so its own lines are warnings.
    if (level === logLevel.ERROR || level === logLevel.WARN) sink.warn(obj, message);
    else if (level === logLevel.INFO) sink.info(obj, message);
    else sink.debug(obj, message);
  };

/** Applies the configured prefix to a topic name (tests and shared brokers use distinct prefixes). */
export const prefixedTopic = (topic: string, prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? ''): string =>
  `${prefix}${topic}`;

type KafkaAccess = Pick<
  ServiceConfig,
  | 'KAFKA_SASL_MECHANISM'
  | 'KAFKA_SASL_USERNAME'
  | 'KAFKA_SASL_PASSWORD'
  | 'KAFKA_SASL_PASSWORD_FILE'
  | 'KAFKA_SSL'
  | 'KAFKA_SSL_CA_FILE'
>;

/**
 * The service's own principal and TLS, from its validated config: every client a service makes
 * (consumers, the outbox relay's producer, admin clients, the lag watcher, the health probe) goes
 * through kafkaClientConfig, so none connects as anyone else. The password is read here, from the
 * variable or its file, and goes nowhere but the SASL handshake.
 */
function kafkaSecurity(config: KafkaAccess): Pick<KafkaConfig, 'sasl' | 'ssl'> {
  const ca = config.KAFKA_SSL_CA_FILE;
  const ssl = config.KAFKA_SSL ? { ssl: ca ? { ca: [readFileSync(ca, 'utf8')] } : true } : {};
  const username = config.KAFKA_SASL_USERNAME;
  if (!username) return ssl;
  const file = config.KAFKA_SASL_PASSWORD_FILE;
  const password = file ? readFileSync(file, 'utf8').trim() : (config.KAFKA_SASL_PASSWORD ?? '');
  const mechanism = config.KAFKA_SASL_MECHANISM === 'scram-sha-256' ? 'scram-sha-256' : 'scram-sha-512';
  const sasl: SASLOptions = { mechanism, username, password };
  return { ...ssl, sasl };
}

/**
 * The same settings read from an environment, for the clients of tools and tests that have no
 * service config (tools/dlq, tools/trace, the demo, the test harness): KAFKA_BROKERS and the
 * principal's KAFKA_SASL_* / KAFKA_SSL* variables, as a service reads them.
 */
export function kafkaConnection(
  env: NodeJS.ProcessEnv = process.env,
): Pick<KafkaConfig, 'brokers' | 'sasl' | 'ssl'> {
  return {
    brokers: (env['KAFKA_BROKERS'] || DEFAULT_BROKERS).split(','),
    ...kafkaSecurity({
      KAFKA_SASL_MECHANISM: env['KAFKA_SASL_MECHANISM'] || 'scram-sha-512',
      KAFKA_SASL_USERNAME: env['KAFKA_SASL_USERNAME'] || undefined,
      KAFKA_SASL_PASSWORD: env['KAFKA_SASL_PASSWORD'],
      KAFKA_SASL_PASSWORD_FILE: env['KAFKA_SASL_PASSWORD_FILE'] || undefined,
      KAFKA_SSL: env['KAFKA_SSL'] === 'true',
      KAFKA_SSL_CA_FILE: env['KAFKA_SSL_CA_FILE'] || undefined,
    }),
  };
}

/** The local stack's SASL/SCRAM listener (deploy/local/infra.sh). */
const DEFAULT_BROKERS = '127.0.0.1:19094';

/** The principal's login for the requests kafkajs lacks (ScramCredentials); none without a principal. */
export function brokerLogin(config: KafkaAccess): BrokerLogin | undefined {
  const sasl = kafkaSecurity(config).sasl;
  if (!sasl || !('password' in sasl)) return undefined;
  return {
    mechanism: sasl.mechanism as BrokerLogin['mechanism'],
    username: sasl.username,
    password: sasl.password,
  };
}

export function kafkaClientConfig(config: ServiceConfig, clientId: string, sink?: LogSink): KafkaConfig {
  return {
    clientId,
    brokers: config.KAFKA_BROKERS.split(','),
    ...kafkaSecurity(config),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // Keep retrying while a broker is away: the service stays up and reports not-ready meanwhile.
    retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 },
    logLevel: logLevel.WARN,
    ...(sink ? { logCreator: kafkaLogCreator(sink) } : {}),
  };
}
