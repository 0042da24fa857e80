import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditLogEntry } from './audit-log-entry.entity';
import { AuditQuery } from './audit-query.dto';
import { AuditService } from './audit.service';
import { CreateAuditLog1763800004000 } from './create-audit-log.migration';
import { IndexAuditFilters1764800000000 } from './index-audit-filters.migration';

// The application role (what services connect as) and the administrator (creates databases).
const server = { host: process.env['DB_HOST'], port: Number(process.env['DB_PORT']) };
const app = { ...server, user: process.env['DB_USER'], password: process.env['DB_PASSWORD'] };
const admin = {
  ...server,
  user: process.env['DB_ADMIN_USER'] || app.user,
  password: process.env['DB_ADMIN_PASSWORD'] || app.password,
};
const database = `t_audit_${randomBytes(5).toString('hex')}`;

async function asAdmin(db: string, sql: string): Promise<void> {
  const client = new Client({ ...admin, database: db });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the audit log, connected as the application role', () => {
  let dataSource: DataSource;
  let audit: AuditService;
  const actor = { actor: 'auditor-1', roles: ['admin'], requestId: 'req-audit-0001' };

  beforeAll(async () => {
    await asAdmin('postgres', `create database "${database}"`);
    if (admin.user !== app.user)
      await asAdmin(database, `alter database "${database}" owner to "${app.user}"`);
    dataSource = await new DataSource({
      type: 'postgres',
      ...app,
      username: app.user,
      database,
      entities: [AuditLogEntry],
      migrations: [CreateAuditLog1763800004000, IndexAuditFilters1764800000000],
      migrationsRun: true,
      logging: false,
    }).initialize();
    audit = new AuditService(dataSource.getRepository(AuditLogEntry));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await asAdmin('postgres', `drop database if exists "${database}" with (force)`);
  });

  it('runs as a role that is not a superuser', async () => {
    const [row] = await dataSource.query<Array<{ rolsuper: boolean }>>(
      'select rolsuper from pg_roles where rolname = current_user',
    );
    expect(row.rolsuper).toBe(false);
  });

  it('commits an entry with the state change, and drops it when the change rolls back', async () => {
    await dataSource.query('create table probe_state (id text primary key)');
    await dataSource.transaction(async (manager) => {
      await manager.query("insert into probe_state values ('p1')");
      await audit.record(
        actor,
        { action: 'ops.probe.send', entityType: 'ops-probe', entityId: 'p1' },
        manager,
      );
    });
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record(
          actor,
          { action: 'ops.probe.send', entityType: 'ops-probe', entityId: 'p2' },
          manager,
        );
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    const rows = await dataSource.getRepository(AuditLogEntry).findBy({ entityType: 'ops-probe' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'auditor-1',
      roles: ['admin'],
      action: 'ops.probe.send',
      entityId: 'p1',
      requestId: 'req-audit-0001',
      outcome: 'success',
      detail: {},
    });
    expect(rows[0].occurredAt).toBeInstanceOf(Date);
  });

  it('refuses UPDATE, DELETE and TRUNCATE by the application role', async () => {
    await audit.record(actor, { action: 'buyer.identity.read', entityType: 'buyer', entityId: 'b1' });
    await expect(dataSource.query("update audit_log set actor = 'someone-else'")).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(dataSource.query('delete from audit_log')).rejects.toThrow(/permission denied|append-only/);
    await expect(dataSource.query('truncate audit_log')).rejects.toThrow(/permission denied|append-only/);
    // Even re-granting itself the rights (it owns the table) does not help: the triggers refuse.
    await dataSource.query('grant update, delete on audit_log to current_user');
    await expect(dataSource.query("update audit_log set actor = 'someone-else'")).rejects.toThrow(
      /audit_log is append-only: UPDATE refused/,
    );
    await expect(dataSource.query('delete from audit_log')).rejects.toThrow(
      /audit_log is append-only: DELETE refused/,
    );
    const [{ count }] = await dataSource.query<Array<{ count: string }>>('select count(*) from audit_log');
    expect(Number(count)).toBe(2);
  });

  it('refuses UPDATE and DELETE by the database administrator too', async () => {
    await expect(asAdmin(database, "update audit_log set actor = 'x'")).rejects.toThrow(/append-only/);
    await expect(asAdmin(database, 'delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('finds entries by entity, actor and time range, newest first, a page at a time', async () => {
    for (let i = 0; i < 5; i++) {
      await audit.record(
        { actor: `lab-${i % 2}`, roles: ['lab'] },
        { action: 'report.upload', entityType: 'report', entityId: `r${i}` },
      );
    }
    const query = (q: Partial<AuditQuery>) => audit.search(Object.assign(new AuditQuery(), q));
    const page = await query({ entityType: 'report', pageSize: 2, page: 1 });
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page.items.map((e) => e.entityId)).toEqual(['r4', 'r3']);
    expect(
      (await query({ entityType: 'report', pageSize: 2, page: 3 })).items.map((e) => e.entityId),
    ).toEqual(['r0']);
    expect((await query({ actor: 'lab-1' })).items.map((e) => e.entityId)).toEqual(['r3', 'r1']);
    expect((await query({ entityType: 'report', entityId: 'r2' })).total).toBe(1);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await query({ entityType: 'report', from: future })).total).toBe(0);
    expect((await query({ entityType: 'report', to: future })).total).toBe(5);
  });

  it('finds entries by action (exact or a prefix) and by batch (its own record or named in the detail)', async () => {
    const by = { actor: 'officer-1', roles: ['intake-officer'] };
    await audit.record(by, { action: 'batch.issue', entityType: 'batch', entityId: 'HZ2026-000001' });
    await audit.record(by, {
      action: 'purchase.record',
      entityType: 'purchase-task',
      entityId: 'HZ2026-000001',
    });
    await audit.record(by, {
      action: 'sample.seal',
      entityType: 'sample',
      entityId: 'S-1',
      detail: { batchNumber: 'HZ2026-000001' },
    });
    await audit.record(by, {
      action: 'sample.seal',
      entityType: 'sample',
      entityId: 'S-2',
      detail: { batchNumber: 'HZ2026-000002' },
    });
    await audit.record(by, { action: 'sample.label-print', entityType: 'sample', entityId: 'S-2' });
    const query = (q: Partial<AuditQuery>) => audit.search(Object.assign(new AuditQuery(), q));
    const ids = async (q: Partial<AuditQuery>) => (await query(q)).items.map((e) => e.entityId);

    expect(await ids({ batchNumber: 'HZ2026-000001' })).toEqual(['S-1', 'HZ2026-000001', 'HZ2026-000001']);
    expect(await ids({ batchNumber: 'HZ2026-000002' })).toEqual(['S-2']);
    expect(await ids({ batchNumber: 'HZ2026-000001', entityType: 'sample' })).toEqual(['S-1']);
    expect(await ids({ batchNumber: 'HZ2026-000001', action: 'purchase.record' })).toEqual(['HZ2026-000001']);
    expect(await ids({ action: 'sample.seal' })).toEqual(['S-2', 'S-1']);
    expect(await ids({ action: 'sample.*' })).toEqual(['S-2', 'S-2', 'S-1']);
    expect(await ids({ action: 'sample.*', entityId: 'S-2' })).toEqual(['S-2', 'S-2']);
    // Paging keeps working with the new filters: total over all pages, newest first.
    const page = await query({ batchNumber: 'HZ2026-000001', pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((e) => e.action)).toEqual(['batch.issue']);
  });

  it('refuses a malformed action or batch number, naming the field', () => {
    const invalid = (q: Record<string, string>) =>
      validateSync(plainToInstance(AuditQuery, q)).map((e) => e.property);
    expect(invalid({ action: 'plan approve' })).toEqual(['action']);
    expect(invalid({ action: 'plan.*.approve' })).toEqual(['action']);
    expect(invalid({ batchNumber: 'hz2026-1' })).toEqual(['batchNumber']);
    expect(invalid({ action: 'plan.*', batchNumber: 'HZ2026-000123' })).toEqual([]);
  });
});
