import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import { OutboxRelay } from '@qis/messaging';
import { sessionOptions } from '@qis/persistence';
import { Kafka } from 'kafkajs';
import { SERVICE_CONFIG } from '../service-definition';

/** Runs the service's outbox relay for as long as the application lives. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    kafka: Kafka,
  ) {
    this.relay = new OutboxRelay({
      pg: {
        host: config.DB_HOST,
        port: config.DB_PORT,
        user: config.DB_USER,
        password: config.DB_PASSWORD,
        database: config.DB_NAME,
        connectionTimeoutMillis: 5_000,
        options: sessionOptions(config),
      },
      kafka,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.OUTBOX_RELAY_ENABLED) this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}
