import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import { deadLetterTopic, PlatformFeedTopics } from '@qis/contracts';
import { brokerLogin, provisionTopics, ScramCredentials } from '@qis/messaging';
import { SERVICE_CONFIG } from '@qis/runtime';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type AclEntry,
} from 'kafkajs';

const unavailable = (message: string): ServiceUnavailableException =>
  new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message });

/** The Kafka error types of an error and of the errors it wraps. */
function kafkaErrorTypes(error: unknown): string[] {
  const e = error as { type?: string; originalError?: unknown; errors?: unknown[] } | undefined;
  if (!e || typeof e !== 'object') return [];
  return [
    ...(e.type ? [e.type] : []),
    ...kafkaErrorTypes(e.originalError),
    ...(Array.isArray(e.errors) ? e.errors.flatMap(kafkaErrorTypes) : []),
  ];
}

/**
 * A platform's footprint on the broker, made as disclosure's own principal (qis-disclosure, whose
 * derived ACLs allow the `feed.` topics and the cluster's Alter for users and ACLs): its two
 * topics (and the takedown dead letters), a SCRAM user, and ACLs that let that user read only its
 * feed, write only its takedown topic and commit offsets only in groups named `feed.<platform>.…`.
 * Everything else is denied to it (StandardAuthorizer, allow.everyone.if.no.acl.found=false).
 */
@Injectable()
export class FeedBroker {
  private readonly scram: ScramCredentials;

  constructor(
    private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {
    // As disclosure's own principal, which may alter the cluster's SCRAM credentials and ACLs.
    this.scram = new ScramCredentials(config.KAFKA_BROKERS.split(','), brokerLogin(config));
  }

  /** `platform.<code>`, under the topic prefix so parallel environments do not share users. */
  kafkaUser(platform: string): string {
    return `${this.config.KAFKA_TOPIC_PREFIX}platform.${platform}`;
  }

  topics(platform: string): { results: string; takedowns: string; groupPrefix: string } {
    const prefix = this.config.KAFKA_TOPIC_PREFIX;
    return {
      results: `${prefix}${PlatformFeedTopics.results(platform)}`,
      takedowns: `${prefix}${PlatformFeedTopics.takedowns(platform)}`,
      groupPrefix: `${prefix}feed.${platform}.`,
    };
  }

  /** Topics and ACLs; idempotent, so retried while the broker settles (a new topic's metadata lags). */
  async provision(platform: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.provisionOnce(platform);
      } catch (error) {
        if (kafkaErrorTypes(error).includes('SECURITY_DISABLED'))
          throw unavailable(
            'the broker has no authorizer: platform feeds need its SASL/SCRAM listener with ACLs',
          );
        if (!(error as { retriable?: boolean }).retriable || attempt >= 8) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  private async provisionOnce(platform: string): Promise<void> {
    const { results, takedowns, groupPrefix } = this.topics(platform);
    const settings = (retentionMs: number) => ({
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      configEntries: { 'retention.ms': String(retentionMs) },
    });
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await provisionTopics(admin, [results, takedowns], settings(this.config.KAFKA_TOPIC_RETENTION_MS));
      await provisionTopics(
        admin,
        [deadLetterTopic(takedowns)],
        settings(this.config.KAFKA_DLQ_RETENTION_MS),
      );
      const principal = `User:${this.kafkaUser(platform)}`;
      const allow = (
        resourceType: AclResourceTypes,
        resourceName: string,
        resourcePatternType: ResourcePatternTypes,
        operation: AclOperationTypes,
      ): AclEntry => ({
        principal,
        host: '*',
        permissionType: AclPermissionTypes.ALLOW,
        resourceType,
        resourceName,
        resourcePatternType,
        operation,
      });
      await admin.createAcls({
        acl: [
          allow(AclResourceTypes.TOPIC, results, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
          allow(AclResourceTypes.TOPIC, takedowns, ResourcePatternTypes.LITERAL, AclOperationTypes.WRITE),
          allow(AclResourceTypes.GROUP, groupPrefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
        ],
      });
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Sets a new SCRAM-SHA-256 password for the platform's user (the old one stops working), and
   * waits until the SASL listener accepts it: the controller commits the credential before the
   * broker has applied it, and a credential handed out must work at once.
   */
  async issueCredential(platform: string, password: string, saslBrokers: readonly string[]): Promise<void> {
    const username = this.kafkaUser(platform);
    await this.scram.upsert(username, password, ['scram-sha-256']);
    const probe = new Kafka({
      clientId: 'qis-disclosure-credential-check',
      brokers: [...saslBrokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
      sasl: { mechanism: 'scram-sha-256', username, password },
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const admin = probe.admin();
      try {
        await admin.connect();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw unavailable(
            `the SASL listener (${saslBrokers.join(',')}) does not accept ${username}'s new credential: ${(error as Error).message}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }

  /** Removes the platform's credential and ACLs; its topics stay (they are the record). */
  async retire(platform: string): Promise<void> {
    await this.scram.remove(this.kafkaUser(platform));
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteAcls({
        filters: [
          {
            principal: `User:${this.kafkaUser(platform)}`,
            host: '*',
            operation: AclOperationTypes.ANY,
            permissionType: AclPermissionTypes.ANY,
            resourceType: AclResourceTypes.ANY,
            resourcePatternType: ResourcePatternTypes.ANY,
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
  }
}
