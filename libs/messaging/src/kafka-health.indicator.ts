import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Kafka, type Admin, type KafkaConfig } from 'kafkajs';

/**
 * Readiness of the broker: a metadata round-trip on a short-lived admin connection with no
 * retries, so a probe answers within its timeout whether the broker is there or not.
 */
@Injectable()
export class KafkaHealthIndicator implements OnModuleDestroy {
  private admin?: Admin;

  constructor(
    private readonly health: HealthIndicatorService,
    private readonly kafka: Kafka,
  ) {}

  static fromConfig(health: HealthIndicatorService, config: KafkaConfig): KafkaHealthIndicator {
    return new KafkaHealthIndicator(
      health,
      new Kafka({
        ...config,
        clientId: `${config.clientId}-health`,
        retry: { retries: 0 },
        connectionTimeout: 1_500,
        requestTimeout: 2_500,
      }),
    );
  }

  async isReady(key = 'kafka', timeoutMs = 3_000) {
    const session = this.health.check(key);
    try {
      this.admin ??= this.kafka.admin();
      const admin = this.admin;
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
      );
      return session.up({ brokers: cluster.brokers.length });
    } catch (error) {
      // Drop the connection so the next probe starts clean once the broker is back.
      const admin = this.admin;
      this.admin = undefined;
      void admin?.disconnect().catch(() => undefined);
      return session.down({ message: (error as Error).message });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
