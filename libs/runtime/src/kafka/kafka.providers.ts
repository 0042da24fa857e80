import type { Provider } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ServiceConfig } from '@qis/config';
import { KafkaHealthIndicator, kafkaClientConfig, KafkaPublisher, type LogSink } from '@qis/messaging';
import { Kafka } from 'kafkajs';
import pino from 'pino';
import { SERVICE_CONFIG, SERVICE_DEFINITION, type ServiceDefinition } from '../service-definition';

export const KAFKA_LOG_SINK = Symbol('KAFKA_LOG_SINK');

export const kafkaLogSink = (service: string, level: string): LogSink =>
  pino({ level, base: { service, component: 'kafka' }, timestamp: pino.stdTimeFunctions.isoTime });

export const kafkaProviders: Provider[] = [
  {
    provide: KAFKA_LOG_SINK,
    inject: [SERVICE_DEFINITION, SERVICE_CONFIG],
    useFactory: (def: ServiceDefinition, config: ServiceConfig) => kafkaLogSink(def.name, config.LOG_LEVEL),
  },
  {
    provide: Kafka,
    inject: [SERVICE_DEFINITION, SERVICE_CONFIG, KAFKA_LOG_SINK],
    useFactory: (def: ServiceDefinition, config: ServiceConfig, sink: LogSink) =>
      new Kafka(kafkaClientConfig(config, `qis-${def.name}`, sink)),
  },
  {
    provide: KafkaPublisher,
    inject: [Kafka],
    useFactory: (kafka: Kafka) => new KafkaPublisher(kafka),
  },
  {
    provide: KafkaHealthIndicator,
    inject: [HealthIndicatorService, SERVICE_DEFINITION, SERVICE_CONFIG, KAFKA_LOG_SINK],
    useFactory: (
      health: HealthIndicatorService,
      def: ServiceDefinition,
      config: ServiceConfig,
      sink: LogSink,
    ) => KafkaHealthIndicator.fromConfig(health, kafkaClientConfig(config, `qis-${def.name}`, sink)),
  },
];
