import { Client } from 'pg';

/**
 * SQL on one service's database with the rights of its owner (DB_MIGRATION_USER, else the
 * server's admin): what an insider who holds the migration credentials can do behind the service.
 */
export function ownerQuery(
  database: string,
  env: NodeJS.ProcessEnv = process.env,
): (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>> {
  const owner = env['DB_MIGRATION_USER']
    ? { user: env['DB_MIGRATION_USER'], password: env['DB_MIGRATION_PASSWORD'] }
    : { user: env['DB_ADMIN_USER'], password: env['DB_ADMIN_PASSWORD'] };
  return async (sql, params = []) => {
    const client = new Client({ host: env['DB_HOST'], port: Number(env['DB_PORT']), database, ...owner });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
}
