import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { createTestDatabase, pgAdminFromEnv } from '@qis/testing';
import { Client } from 'pg';

// The Helm charts' migration Job (deploy/helm, pre-install/pre-upgrade hook) runs the built
// service's main.js with --migrate-only: it migrates as the owner role, grants the runtime role and
// exits 0 without starting the service. The service itself, with DB_MIGRATE_AT_START=false, then
// migrates nothing and refuses to start while a migration is pending.
const root = path.resolve(__dirname, '../../..');

const run = (
  service: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> => {
  const entry = path.join(root, 'dist/services', service, 'src/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  const child = spawn(
    process.execPath,
    ['-r', path.join(root, 'tools/runtime/register-paths.js'), entry, ...args],
    {
      cwd: root,
      env: { ...(process.env as Record<string, string>), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
};

const query = async <T>(database: string, sql: string): Promise<T[]> => {
  const client = new Client({ ...pgAdminFromEnv(), database });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
};

describe('main.js --migrate-only (the migration Job of the Helm charts)', () => {
  const owner = process.env['DB_MIGRATION_USER'];
  const runtime = process.env['DB_USER'];

  it('migrates as the owner role, grants the runtime role and exits 0 without starting the service', async () => {
    expect(owner).toBeTruthy();
    const db = await createTestDatabase('migrate_only');
    try {
      // A started service never exits by itself: this one returns, having listened on nothing.
      const { code, output } = await run('planning', ['--migrate-only'], { DB_NAME: db.name });
      expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('"msg":"migrated"') });
      expect(output).not.toMatch(/ready on/);
      const [{ n }] = await query<{ n: number }>(db.name, 'select count(*)::int as n from schema_migrations');
      expect(n).toBeGreaterThan(0);
      const owners = await query<{ tableowner: string }>(
        db.name,
        "select distinct tableowner from pg_tables where schemaname = 'public'",
      );
      expect(owners.map((o) => o.tableowner)).toEqual([owner]);
      const [{ granted }] = await query<{ granted: boolean }>(
        db.name,
        `select has_table_privilege('${runtime}', 'public.audit_log', 'INSERT')
            and not has_table_privilege('${runtime}', 'public.audit_log', 'UPDATE') as granted`,
      );
      expect(granted).toBe(true);
      // A second run finds nothing left to do.
      expect((await run('planning', ['--migrate-only'], { DB_NAME: db.name })).code).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('a service that does not migrate at start refuses to start while a migration is pending', async () => {
    const db = await createTestDatabase('migrate_pending');
    try {
      const { code, output } = await run('planning', [], {
        DB_NAME: db.name,
        DB_MIGRATE_AT_START: 'false',
        DB_MIGRATION_PASSWORD: '',
        HTTP_PORT: '1', // never bound: it stops before listening
      });
      expect(code).not.toBe(0);
      expect(output).toMatch(/migrations are pending: run --migrate-only first/);
      // Once the Job has migrated, the same service starts without the owner's password: it gets
      // past the check and on to listening (on a port held here, so it stops there, quickly).
      expect((await run('planning', ['--migrate-only'], { DB_NAME: db.name })).code).toBe(0);
      const held = createServer().listen(0, '127.0.0.1');
      await once(held, 'listening');
      try {
        const started = await run(
          'planning',
          [],
          {
            DB_NAME: db.name,
            DB_MIGRATE_AT_START: 'false',
            DB_MIGRATION_PASSWORD: '',
            HTTP_HOST: '127.0.0.1',
            HTTP_PORT: String((held.address() as AddressInfo).port),
          },
          150_000,
        );
        expect(started.output).toMatch(/EADDRINUSE/);
        expect(started.output).not.toMatch(/pending/);
      } finally {
        held.close();
      }
    } finally {
      await db.drop();
    }
  }, 300_000);
});
