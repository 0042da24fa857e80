import { ServiceConfig } from '@qis/config';
import { expectEventually, startTestService, type TestService } from '@qis/testing';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { ServiceDefinition } from './service-definition';

/** A migration longer than the statement timeout the second service runs with. */
class SlowMigration1765000000100 implements MigrationInterface {
  name = 'SlowMigration1765000000100';
  async up(q: QueryRunner): Promise<void> {
    await q.query('select pg_sleep(1.5)');
    await q.query('create table slow_migration_done (id int)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table slow_migration_done');
  }
}

const fixture = (migrations: ServiceDefinition['migrations'] = []): ServiceDefinition => ({
  name: 'session-fixture',
  title: 'QIS database session fixture',
  description: 'Test fixture: a service with nothing but the runtime.',
  config: ServiceConfig,
  entities: [],
  migrations,
});

const show = async (ds: DataSource, setting: string): Promise<string> => {
  const rows = (await ds.query(`show ${setting}`)) as Array<Record<string, string>>;
  return rows[0][setting];
};

describe("a booted service's database sessions (real PostgreSQL)", () => {
  let service: TestService<ServiceConfig> | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('run with statement_timeout 30 s and idle_in_transaction_session_timeout 60 s by default', async () => {
    service = await startTestService(fixture());
    const ds = service.app.get(DataSource);
    // Every connection of the pool, not only the first: several at once, each in a transaction.
    const seen = await Promise.all(
      Array.from({ length: 4 }, () =>
        ds.transaction(async (m) => {
          const [row] = (await m.query(
            `select current_setting('statement_timeout') as statement,
                    current_setting('idle_in_transaction_session_timeout') as idle,
                    pg_backend_pid() as pid`,
          )) as Array<{ statement: string; idle: string; pid: number }>;
          await m.query('select pg_sleep(0.05)'); // hold the connection so the next takes another
          return row;
        }),
      ),
    );
    expect(new Set(seen.map((r) => r.pid)).size).toBeGreaterThan(1);
    for (const row of seen) expect(row).toMatchObject({ statement: '30s', idle: '1min' });
    expect(await show(ds, 'statement_timeout')).toBe('30s');
    expect(await show(ds, 'idle_in_transaction_session_timeout')).toBe('1min');
  });

  it('cancel a statement over DB_STATEMENT_TIMEOUT_MS and end a transaction left idle over DB_IDLE_IN_TRANSACTION_TIMEOUT_MS; migrations run without the limit', async () => {
    service = await startTestService(fixture([SlowMigration1765000000100]), {
      DB_STATEMENT_TIMEOUT_MS: '1000',
      DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '1000',
    });
    const ds = service.app.get(DataSource);
    expect(await show(ds, 'statement_timeout')).toBe('1s');
    // The 1.5 s migration ran at start under the 1 s limit.
    expect(await ds.query('select count(*)::int as n from slow_migration_done')).toEqual([{ n: 0 }]);

    await expect(ds.query('select pg_sleep(3)')).rejects.toMatchObject({ driverError: { code: '57014' } });

    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      const [{ pid }] = (await runner.query('select pg_backend_pid() as pid')) as Array<{ pid: number }>;
      // The server ends the idle transaction's session by itself.
      await expectEventually(
        async () => {
          const rows = (await ds.query('select 1 from pg_stat_activity where pid = $1', [pid])) as unknown[];
          expect(rows).toHaveLength(0);
        },
        { timeoutMs: 10_000 },
      );
      await expect(runner.query('select 1')).rejects.toThrow();
    } finally {
      await runner.release().catch(() => undefined);
    }
  });
});
