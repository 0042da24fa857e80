import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  startEvidenceTestEnv,
  uploadThroughApi,
  type EvidenceTestEnv,
} from '../test-support/evidence-test-env';

/**
 * The running service cannot rewrite its ledgers, whatever SQL it is made to send: the owner role
 * (DB_MIGRATION_USER) migrated and owns the tables; the runtime role may read and append to the
 * audit log and the custody ledger, nothing else — not update, delete or truncate them, and not
 * disable, drop or replace the triggers that guard them (only an owner may).
 */
describe('ledgers the application cannot rewrite', () => {
  let env: EvidenceTestEnv;
  let runtime: DataSource;

  beforeAll(async () => {
    env = await startEvidenceTestEnv();
    runtime = env.service.app.get(DataSource);
    const officer = await env.service.auth({ roles: ['intake-officer'], sub: 'officer-wang' });
    const { status } = await uploadThroughApi(env, officer, randomBytes(600), {
      kind: 'sample-photo',
      batchNumber: 'HZ2026-000041',
    });
    expect(status).toBe(200);
  });
  afterAll(() => env?.stop());

  it('runs as a role that owns no table; the owner role migrated them', async () => {
    const migrationUser = process.env['DB_MIGRATION_USER'];
    expect(migrationUser).toBeTruthy();
    const [{ current_user }] = (await runtime.query('select current_user')) as Array<{
      current_user: string;
    }>;
    expect(current_user).toBe(process.env['DB_USER']);
    expect(current_user).not.toBe(migrationUser);
    const owners = (await env.adminQuery(
      "select distinct tableowner from pg_tables where schemaname = 'public'",
    )) as Array<{ tableowner: string }>;
    expect(owners.map((o) => o.tableowner)).toEqual([migrationUser]);
  });

  it('appends to and reads the ledgers (the service works), but cannot update, delete or truncate them', async () => {
    const [{ n }] = (await runtime.query('select count(*)::int as n from custody_entry')) as Array<{
      n: number;
    }>;
    expect(n).toBeGreaterThan(0);
    for (const table of ['custody_entry', 'audit_log']) {
      await expect(runtime.query(`update ${table} set actor = 'someone-else'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(runtime.query(`delete from ${table}`)).rejects.toThrow(/permission denied/);
      await expect(runtime.query(`truncate ${table}`)).rejects.toThrow(/permission denied/);
    }
  });

  it("cannot rewrite the migrations' record (a deleted row would make the next start re-run a migration)", async () => {
    expect(
      ((await runtime.query('select count(*)::int as n from schema_migrations')) as Array<{ n: number }>)[0]
        .n,
    ).toBeGreaterThan(0);
    await expect(runtime.query('delete from schema_migrations')).rejects.toThrow(/permission denied/);
    await expect(
      runtime.query("insert into schema_migrations (timestamp, name) values (1, 'x')"),
    ).rejects.toThrow(/permission denied/);
  });

  it('cannot disable, drop or replace the triggers that guard them, nor drop the tables', async () => {
    await expect(
      runtime.query('alter table custody_entry disable trigger custody_entry_no_change'),
    ).rejects.toThrow(/must be owner/);
    await expect(runtime.query('drop trigger custody_entry_no_change on custody_entry')).rejects.toThrow(
      /must be owner/,
    );
    await expect(runtime.query('drop table audit_log')).rejects.toThrow(/must be owner/);
    await expect(runtime.query('alter table audit_log disable trigger all')).rejects.toThrow(/must be owner/);
  });
});
