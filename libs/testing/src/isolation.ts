import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, type PgServer } from '@qis/persistence';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

/** The server as the services reach it: the application role (no superuser, owns its databases). */
export const pgServerFromEnv = (env: NodeJS.ProcessEnv = process.env): PgServer => ({
  host: env['DB_HOST'] ?? '127.0.0.1',
  port: Number(env['DB_PORT'] ?? 15432),
  user: env['DB_USER'] ?? 'qis',
  password: env['DB_PASSWORD'] ?? '',
});

/** The server as an administrator (creates and drops databases); the app role when none is given. */
export const pgAdminFromEnv = (env: NodeJS.ProcessEnv = process.env): PgServer => ({
  ...pgServerFromEnv(env),
  user: env['DB_ADMIN_USER'] || env['DB_USER'] || 'qis',
  password: env['DB_ADMIN_PASSWORD'] || env['DB_PASSWORD'] || '',
});

/**
 * A database of its own for one test suite, owned as the services' databases are (so tests see the
 * privileges production has): by the owner role when there is one (DB_MIGRATION_USER: services
 * migrate as it and run as the application role), else by the application role. The application
 * role may create tables here too, for the tests that run migrations as it. Drop it when done.
 */
export async function createTestDatabase(label: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = uniqueName(`t_${label.replace(/[^a-z0-9]/g, '_')}`).slice(0, 63);
  const admin = pgAdminFromEnv();
  const app = pgServerFromEnv();
  const owner = process.env['DB_MIGRATION_USER'] || app.user;
  await ensureDatabase(admin, name);
  if (owner !== admin.user) {
    const client = new Client({ ...admin, database: name, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(`alter database "${name}" owner to "${owner}"`);
      await client.query(`grant all on schema public to "${owner}"`);
      if (app.user !== owner) await client.query(`grant all on schema public to "${app.user}"`);
    } finally {
      await client.end();
    }
  }
  return { name, drop: () => dropDatabase(admin, name) };
}

/** A data source on a test database as the application role; initialize it (and run `migrations`). */
export function testDataSource(
  database: string,
  migrations: NonNullable<DataSourceOptions['migrations']> = [],
): DataSource {
  const server = pgServerFromEnv();
  return new DataSource({
    type: 'postgres',
    host: server.host,
    port: server.port,
    username: server.user,
    password: server.password,
    database,
    migrations,
  });
}
