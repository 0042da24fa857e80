import type { ServiceConfig } from '@qis/config';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { QueryLogger } from './query-logger';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export interface PersistenceOptions {
  entities: EntityList;
  migrations: MigrationList;
}

/**
 * The one way a service talks to its PostgreSQL database: migrations run at start, never
 * `synchronize`; timestamps in UTC; a pool that survives a database restart (pg drops broken
 * connections and opens new ones on demand).
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
    migrations: options.migrations,
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
      options: '-c timezone=UTC',
    },
  };
}
