import { Module, type DynamicModule, type InjectionToken, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  AuditLogEntry,
  AuditModule,
  CreateAuditLog1763800004000,
  IndexAuditFilters1764800000000,
} from '@qis/audit';
import { AuthGuard, TokenVerifier } from '@qis/auth';
import type { ObjectStoreConfig, ServiceConfig } from '@qis/config';
import { messagingMigrations } from '@qis/messaging';
import { dataSourceOptions, type PersistenceOptions } from '@qis/persistence';
import { createObjectStoreClient, ObjectStoreHealthIndicator } from '@qis/storage';
import { LoggerModule } from 'nestjs-pino';
import { DeadLetterBox } from './dead-letters/dead-letter-box';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { InspectDeadLetterUseCase } from './dead-letters/inspect-dead-letter.usecase';
import { ListDeadLettersUseCase } from './dead-letters/list-dead-letters.usecase';
import { ReplayDeadLettersUseCase } from './dead-letters/replay-dead-letters.usecase';
import { HealthController } from './health/health.controller';
import { StartupState } from './health/startup-state';
import { HttpErrorFilter } from './http/exception.filter';
import { KeepAliveAtShutdown } from './http/keep-alive-at-shutdown';
import { kafkaProviders } from './kafka/kafka.providers';
import { loggerParams } from './logging';
import { CreateOpsProbeReceipt1763800000000 } from './ops-probe/create-ops-probe-receipt.migration';
import { OpsProbeConsumer } from './ops-probe/ops-probe.consumer';
import { OpsProbeController } from './ops-probe/ops-probe.controller';
import { MessagingRuntimeModule } from './messaging/messaging-runtime.module';
import { OpsProbeReceipt } from './ops-probe/ops-probe-receipt.entity';
import {
  CONSUMER_GROUP,
  defaultConsumerGroup,
  SERVICE_CONFIG,
  SERVICE_DEFINITION,
  type ServiceDefinition,
} from './service-definition';

/** The service's entities and migrations: the runtime's (probes, outbox, inbox, audit log), then its own. */
export function servicePersistence(def: ServiceDefinition): PersistenceOptions {
  return {
    entities: [OpsProbeReceipt, AuditLogEntry, ...asArray(def.entities)],
    migrations: [
      CreateOpsProbeReceipt1763800000000,
      ...messagingMigrations,
      CreateAuditLog1763800004000,
      IndexAuditFilters1764800000000,
      ...asArray(def.migrations),
    ],
    preparedStatements: def.preparedStatements,
  };
}

/** Tables the runtime role may only read and append to: the audit log and the service's own ledgers. */
export const appendOnlyTables = (def: ServiceDefinition): string[] => [
  'audit_log',
  ...(def.appendOnlyTables ?? []),
];

/**
 * Everything a stage service has in common — config, JSON logs, database with migrations, Kafka,
 * health, error shape, the ops probe — around the service's own feature modules.
 */
@Module({})
export class RuntimeModule {
  static forService<C extends ServiceConfig>(
    def: ServiceDefinition<C>,
    config: C,
    consumerGroup = defaultConsumerGroup(def, config),
  ): DynamicModule {
    const providers: Provider[] = [
      { provide: SERVICE_DEFINITION, useValue: def },
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: CONSUMER_GROUP, useValue: consumerGroup },
      { provide: def.config, useValue: config },
      { provide: APP_FILTER, useClass: HttpErrorFilter },
      // Every HTTP route is authenticated and authorized by its declared policy.
      { provide: TokenVerifier, useFactory: () => TokenVerifier.fromSettings(authSettings(config)) },
      { provide: APP_GUARD, useClass: AuthGuard },
      OpsProbeConsumer,
      StartupState,
      KeepAliveAtShutdown,
      DeadLetterBox,
      ListDeadLettersUseCase,
      InspectDeadLetterUseCase,
      ReplayDeadLettersUseCase,
      ...kafkaProviders,
    ];
    if (def.objectStore) {
      const bucket = def.objectStore.bucket(config);
      providers.push({
        provide: ObjectStoreHealthIndicator,
        inject: [HealthIndicatorService],
        useFactory: (health: HealthIndicatorService) =>
          new ObjectStoreHealthIndicator(
            health,
            createObjectStoreClient(config as unknown as ObjectStoreConfig),
            bucket,
          ),
      });
    }
    return {
      module: RuntimeModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerParams(def.name, config.LOG_LEVEL)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config, servicePersistence(def)),
          // With an owner role the migrations ran before (bootstrapService: migrateAsOwner).
          migrationsRun: !config.DB_MIGRATION_USER,
          retryAttempts: 60,
          retryDelay: 2_000,
        }),
        TypeOrmModule.forFeature([OpsProbeReceipt]),
        AuditModule,
        MessagingRuntimeModule,
        TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
        ...(def.imports ?? []),
      ],
      controllers: [HealthController, OpsProbeController, DeadLettersController],
      providers,
      exports: [
        SERVICE_DEFINITION,
        SERVICE_CONFIG,
        def.config,
        StartupState,
        ...kafkaProviders.map(providerToken),
        TypeOrmModule,
      ],
    };
  }
}

const authSettings = (config: ServiceConfig) => ({
  publicKeyFile: config.AUTH_PUBLIC_KEY_FILE,
  jwksUrl: config.AUTH_JWKS_URL,
  issuer: config.AUTH_ISSUER,
  audience: config.AUTH_AUDIENCE,
  clockToleranceSeconds: config.AUTH_CLOCK_TOLERANCE_SECONDS,
  oidc:
    config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_JWKS_URL
      ? { issuer: config.AUTH_OIDC_ISSUER, jwksUrl: config.AUTH_OIDC_JWKS_URL }
      : undefined,
});
const asArray = <T>(list: T[] | Record<string, T>): T[] => (Array.isArray(list) ? list : Object.values(list));
const providerToken = (p: Provider): InjectionToken => (typeof p === 'function' ? p : p.provide);
