import { createTestDatabase, testDataSource } from '@qis/testing';
import type { DataSource } from 'typeorm';
import { onSharedSnapshot } from './snapshot-lanes';

describe('onSharedSnapshot', () => {
  let db: { name: string; drop(): Promise<void> };
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('planning_lanes');
    ds = testDataSource(db.name, []);
    await ds.initialize();
    await ds.query('create table item (category text not null, n int not null)');
    await ds.query(`insert into item values ('a', 1), ('b', 2), ('c', 3), ('d', 4), ('e', 5)`);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('reads on every lane what the transaction saw, not what commits meanwhile, in the order of the items', async () => {
    const backends = new Set<number>();
    const seen = await ds.transaction(async (manager) => {
      await manager.query('select count(*) from item');
      return onSharedSnapshot(ds, manager, 2, ['a', 'b', 'c', 'd', 'e'], async (lane, category) => {
        const [{ pid }] = (await lane.query('select pg_backend_pid() as pid')) as Array<{ pid: number }>;
        backends.add(pid);
        // Committed by another connection while the lanes work: no lane may see it.
        await ds.query(`insert into item values ($1, 100)`, [category]);
        const rows = (await lane.query('select sum(n)::int as total from item where category = $1', [
          category,
        ])) as Array<{ total: number }>;
        return `${category}:${rows[0].total}`;
      });
    });
    expect(seen).toEqual(['a:1', 'b:2', 'c:3', 'd:4', 'e:5']);
    expect(backends.size).toBe(2);
  });

  it('keeps the transaction alive while its lanes work longer than the idle-in-transaction timeout', async () => {
    const after = await ds.transaction(async (manager) => {
      await manager.query(`set local idle_in_transaction_session_timeout = '300ms'`);
      await onSharedSnapshot(ds, manager, 1, ['a'], (lane) => lane.query('select pg_sleep(1)'));
      return (await manager.query('select count(*)::int as n from item')) as Array<{ n: number }>;
    });
    expect(after[0].n).toBeGreaterThanOrEqual(5);
  });

  it('ends every lane when one fails, and leaves the transaction usable to roll back', async () => {
    await expect(
      ds.transaction((manager) =>
        onSharedSnapshot(ds, manager, 2, ['a', 'b', 'c'], async (lane, category) => {
          if (category === 'b') await lane.query('select 1 / 0');
          return category;
        }),
      ),
    ).rejects.toThrow(/division by zero/);
    // No lane is left holding a connection in a transaction.
    const idle = (await ds.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'idle in transaction'`,
    )) as Array<{ n: number }>;
    expect(idle[0].n).toBe(0);
  });
});
