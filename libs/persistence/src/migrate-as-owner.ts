import type { ServiceConfig } from '@qis/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type PersistenceOptions } from './data-source-options';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** How long a starting service waits for PostgreSQL before the migration gives up. */
const ATTEMPTS = 60;
const RETRY_MS = 2_000;

const isConnectionError = (error: unknown): boolean => {
  const e = error as { code?: string };
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P03', '08006', '08001'].includes(e.code ?? '');
};

/**
 * The split of duties of a production database: the owner role (DB_MIGRATION_USER) runs the
 * migrations and owns every table, trigger and function; the runtime role (DB_USER) gets what the
 * service needs and no more: read and write on its tables, but on the append-only ledgers
 * (`appendOnly`: the audit log, the custody ledger) SELECT and INSERT only. Only an owner can
 * alter, drop or disable the triggers of a table, so the running service cannot rewrite its
 * ledgers even through a bug or an injection. Runs before the service opens its own pool; the
 * grants are applied at every start, so a table a migration adds is covered at once.
 */
export async function migrateAsOwner(
  config: ServiceConfig,
  options: PersistenceOptions,
  appendOnly: readonly string[],
): Promise<void> {
  if (!config.DB_MIGRATION_USER) throw new Error('DB_MIGRATION_USER is not set');
  const owner = new DataSource({
    ...dataSourceOptions(config, options),
    username: config.DB_MIGRATION_USER,
    password: config.DB_MIGRATION_PASSWORD,
    migrationsRun: false,
    // Before the service's JSON logger exists: errors only (they end the start, and say why), not
    // a plain-text line per migration among the JSON logs.
    logging: ['error'],
    logger: 'advanced-console',
    applicationName: `qis-${config.DB_NAME}-migrations`,
    extra: { ...dataSourceOptions(config, options).extra, max: 1 },
  } as ConstructorParameters<typeof DataSource>[0]);
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.initialize();
      break;
    } catch (error) {
      if (!isConnectionError(error) || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
  try {
    // Instances starting together migrate one after the other: the pool has one connection, so the
    // session lock and the migrations share it; the others wait, then find nothing left to run.
    await owner.query(`select pg_advisory_lock(hashtext(current_database() || '.migrations'))`);
    try {
      await owner.runMigrations({ transaction: 'each' });
      await grantRuntimeRole(owner, config.DB_USER, appendOnly);
    } finally {
      await owner.query(`select pg_advisory_unlock(hashtext(current_database() || '.migrations'))`);
    }
  } finally {
    await owner.destroy();
  }
}

/** The runtime role's privileges, as the owner grants them (idempotent). */
async function grantRuntimeRole(
  owner: DataSource,
  runtimeRole: string,
  appendOnly: readonly string[],
): Promise<void> {
  const role = ident(runtimeRole);
  await owner.transaction(async (m) => {
    await m.query(`grant usage on schema public to ${role}`);
    await m.query(`grant select, insert, update, delete, truncate on all tables in schema public to ${role}`);
    await m.query(`grant usage, select, update on all sequences in schema public to ${role}`);
    for (const table of appendOnly) {
      const [{ exists }] = (await m.query('select to_regclass($1) is not null as exists', [
        `public.${table}`,
      ])) as Array<{ exists: boolean }>;
      if (exists)
        await m.query(`revoke update, delete, truncate on table public.${ident(table)} from ${role}`);
    }
    // The migrations' own record is the owner's to write: the service only reads it.
    await m.query(`revoke insert, update, delete, truncate on table public.schema_migrations from ${role}`);
  });
}
