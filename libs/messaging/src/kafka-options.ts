import type { ServiceConfig } from '@qis/config';
import { logLevel, type KafkaConfig, type logCreator } from 'kafkajs';

export interface LogSink {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

/** Sends kafkajs' own log lines to the service's structured logger. */
export const kafkaLogCreator =
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

export function kafkaClientConfig(config: ServiceConfig, clientId: string, sink?: LogSink): KafkaConfig {
  return {
    clientId,
    brokers: config.KAFKA_BROKERS.split(','),
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    // Keep retrying while a broker is away: the service stays up and reports not-ready meanwhile.
    retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 },
    logLevel: logLevel.WARN,
    ...(sink ? { logCreator: kafkaLogCreator(sink) } : {}),
  };
}
