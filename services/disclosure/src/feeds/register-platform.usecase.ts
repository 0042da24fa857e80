import { randomBytes } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { FeedBroker } from './feed-broker';
import { FeedPlatform } from './feed-platform.entity';
import { FeedPlatformView } from './feed-platform.view';
import { FeedsConsumer } from './feeds-consumer';
import { FeedsSettings } from './feeds.settings';
import { PublishFeedItemsUseCase } from './publish-feed-items.usecase';
import type { RegisterPlatformCommand } from './register-platform.command';

const newPassword = (): string => randomBytes(24).toString('base64url');

async function lockPlatform(manager: EntityManager, code: string): Promise<FeedPlatform> {
  const found = await manager.findOne(FeedPlatform, { where: { code }, lock: { mode: 'pessimistic_write' } });
  if (found) return found;
  throw new NotFoundException({
    statusCode: 404,
    error: 'Not Found',
    message: `platform ${code} is not registered`,
  });
}

/**
 * Registers a platform for a feed (topics, ACLs, SCRAM user) and issues or rotates its password.
 * The row is written first and the broker changed inside the same transaction: a concurrent
 * registration of the same code waits on the key and fails with 409 without touching the broker,
 * and a broker failure leaves no row (the broker steps are idempotent, so a retry completes them).
 */
@Injectable()
export class RegisterPlatformUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly broker: FeedBroker,
    private readonly audit: AuditService,
    private readonly consumer: FeedsConsumer,
    private readonly publication: PublishFeedItemsUseCase,
    @Inject(FeedsSettings) private readonly settings: FeedsSettings,
  ) {}

  async register(actor: AuditActor, command: RegisterPlatformCommand): Promise<FeedPlatformView> {
    const password = newPassword();
    const platform = await this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const row: FeedPlatform = {
        code: command.code,
        name: command.name,
        kafkaUser: this.broker.kafkaUser(command.code),
        registeredAt: now,
        credentialIssuedAt: now,
        itemsWritten: 0,
        lastItemAt: null,
      };
      const inserted: unknown[] = await manager.query(
        `insert into feed_platform (code, name, kafka_user, registered_at, credential_issued_at)
         values ($1, $2, $3, $4, $4) on conflict (code) do nothing returning code`,
        [row.code, row.name, row.kafkaUser, now],
      );
      if (inserted.length === 0)
        throw conflict(
          `code: platform ${command.code} is already registered (rotate its credential instead)`,
          ErrorCode.alreadyExists,
        );
      await this.broker.provision(command.code);
      await this.publication.backfill(manager, command.code, actor.requestId);
      await this.broker.issueCredential(command.code, password, this.saslBrokers);
      await this.audit.record(
        actor,
        {
          action: 'feed-platform.register',
          entityType: 'platform',
          entityId: command.code,
          detail: { name: command.name, username: row.kafkaUser, ...this.broker.topics(command.code) },
        },
        manager,
      );
      return row;
    });
    void this.consumer.refresh();
    return { ...this.view(platform), password };
  }

  async rotateCredential(actor: AuditActor, code: string): Promise<FeedPlatformView> {
    const password = newPassword();
    const platform = await this.dataSource.transaction(async (manager) => {
      const found = await lockPlatform(manager, code);
      found.credentialIssuedAt = new Date();
      await manager.save(FeedPlatform, found);
      await this.broker.provision(code);
      await this.broker.issueCredential(code, password, this.saslBrokers);
      await this.audit.record(
        actor,
        { action: 'feed-platform.rotate-credential', entityType: 'platform', entityId: code },
        manager,
      );
      return found;
    });
    return { ...this.view(platform), password };
  }

  /** Takes a platform's credential and ACLs away (its topics stay, as the record of what it got). */
  async retire(actor: AuditActor, code: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await lockPlatform(manager, code);
      await manager.delete(FeedPlatform, { code });
      await this.broker.retire(code);
      await this.audit.record(
        actor,
        {
          action: 'feed-platform.retire',
          entityType: 'platform',
          entityId: code,
          detail: { username: found.kafkaUser },
        },
        manager,
      );
    });
    void this.consumer.refresh();
  }

  async list(): Promise<FeedPlatformView[]> {
    const found = await this.dataSource.getRepository(FeedPlatform).find({ order: { code: 'ASC' } });
    return found.map((p) => this.view(p));
  }

  private get saslBrokers(): string[] {
    return this.settings.KAFKA_SASL_BROKERS.split(',');
  }

  private view(p: FeedPlatform): FeedPlatformView {
    const topics = this.broker.topics(p.code);
    return {
      code: p.code,
      name: p.name,
      username: p.kafkaUser,
      bootstrapServers: this.settings.KAFKA_SASL_BROKERS,
      securityProtocol: 'SASL_PLAINTEXT',
      saslMechanism: 'SCRAM-SHA-256',
      resultsTopic: topics.results,
      takedownsTopic: topics.takedowns,
      consumerGroupPrefix: topics.groupPrefix,
      registeredAt: p.registeredAt.toISOString(),
      credentialIssuedAt: p.credentialIssuedAt.toISOString(),
    };
  }
}
