import type { ServiceConfig } from '@qis/config';
import type { DataSourceOptions, EntitySchema, MigrationInterface, MixedList, QueryRunner } from 'typeorm';
import { PreparingClient } from './preparing-client';
import { QueryLogger } from './query-logger';
import { sessionOptions } from './session-settings';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface PersistenceOptions {
  entities: EntityList;
  migrations: MigrationList;
  /** Statements with parameters run as named prepared statements (`PreparingClient`). */
  preparedStatements?: boolean;
}

type MigrationClass = new () => MigrationInterface;

/**
 * The migration, run without the sessions' statement timeout: a schema change on a large table
 * may take longer than any request should, and failing it half-way would stop the service at
 * every start. `SET LOCAL` inside the migration's own transaction; around it otherwise.
 */
export function withoutStatementTimeout(migration: MigrationClass): MigrationClass {
  const lifted = class extends migration {
    override async up(q: QueryRunner): Promise<void> {
      await runLifted(q, this.transaction, () => super.up(q));
    }
    override async down(q: QueryRunner): Promise<void> {
      await runLifted(q, this.transaction, () => super.down(q));
    }
  };
  // TypeORM reads a migration's timestamp from its name.
  Object.defineProperty(lifted, 'name', { value: migration.name });
  return lifted;
}

async function runLifted(q: QueryRunner, transaction: boolean | undefined, run: () => Promise<unknown>) {
  if (transaction !== false) {
    await q.query('set local statement_timeout = 0');
    await run();
    return;
  }
  await q.query('set statement_timeout = 0');
  try {
    await run();
  } finally {
    await q.query('reset statement_timeout');
  }
}

const lifted = (migrations: MigrationList): MigrationList =>
  Array.isArray(migrations)
    ? migrations.map((m) => (typeof m === 'function' ? withoutStatementTimeout(m as MigrationClass) : m))
    : migrations;

/**
 * The one way a service talks to its PostgreSQL database: migrations run at start, never
 * `synchronize`; timestamps in UTC; every session with `statement_timeout` and
 * `idle_in_transaction_session_timeout` (`DB_STATEMENT_TIMEOUT_MS`, 30 s;
 * `DB_IDLE_IN_TRANSACTION_TIMEOUT_MS`, 60 s; migrations without the first); a pool that survives
 * a database restart (pg drops broken connections and opens new ones on demand).
 */
export function dataSourceOptions(config: ServiceConfig, options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    entities: options.entities,
    migrations: lifted(options.migrations),
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error', 'migration'],
    logger: new QueryLogger(),
    applicationName: `qis-${config.DB_NAME}`,
    extra: {
      max: config.DB_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      options: sessionOptions(config),
      ...(options.preparedStatements && config.DB_PREPARED_STATEMENTS ? { Client: PreparingClient } : {}),
    },
  };
}
