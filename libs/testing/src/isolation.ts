import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, type PgServer } from '@qis/persistence';

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(5).toString('hex')}`;

export const pgServerFromEnv = (env: NodeJS.ProcessEnv = process.env): PgServer => ({
  host: env['DB_HOST'] ?? '127.0.0.1',
  port: Number(env['DB_PORT'] ?? 15432),
  user: env['DB_USER'] ?? 'qis',
  password: env['DB_PASSWORD'] ?? '',
});

/** A database of its own for one test suite; drop it when done. */
export async function createTestDatabase(label: string): Promise<{ name: string; drop(): Promise<void> }> {
  const name = uniqueName(`t_${label.replace(/[^a-z0-9]/g, '_')}`).slice(0, 63);
  const server = pgServerFromEnv();
  await ensureDatabase(server, name);
  return { name, drop: () => dropDatabase(server, name) };
}
