import { createTestDatabase, testDataSource } from '@qis/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { HeldWrites } from './held-writes';

/** Held writes on the real PostgreSQL: one round trip, the same commit and rollback. */
describe('HeldWrites', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('held_writes');
    source = testDataSource(db.name);
    await source.initialize();
    await source.query('create table entry (id serial primary key, note text not null)');
    await source.query('create table answer (key text primary key, body jsonb not null)');
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  const note = (text: string) => ({ sql: 'insert into entry (note) values ($1)', params: [text] });
  const notes = async () =>
    ((await source.query('select note from entry order by id')) as Array<{ note: string }>).map(
      (r) => r.note,
    );
  /** Counts the statements the transaction sends (observing its query runner, not replacing it). */
  const counting = (manager: EntityManager) => {
    const runner = manager.queryRunner as NonNullable<EntityManager['queryRunner']>;
    const query = runner.query.bind(runner);
    const seen = { statements: 0 };
    runner.query = ((...args: Parameters<typeof query>) => {
      seen.statements += 1;
      return query(...args);
    }) as typeof runner.query;
    return seen;
  };

  beforeEach(() => source.query('truncate entry, answer'));

  it('sends the held writes with the last statement in one round trip, and they commit', async () => {
    const rows = await source.transaction(async (manager) => {
      const seen = counting(manager);
      HeldWrites.hold(manager);
      await HeldWrites.write(manager, note('first'));
      await HeldWrites.write(manager, note('second'));
      expect(seen.statements).toBe(0);
      const last = await HeldWrites.flush<{ key: string }>(manager, {
        sql: `insert into answer (key, body) values ($1, $2) returning key`,
        params: ['k1', JSON.stringify({ ok: true })],
      });
      expect(seen.statements).toBe(1);
      return last;
    });
    expect(rows).toEqual([{ key: 'k1' }]);
    // Both, in no set order (PostgreSQL runs a statement's CTEs as it sees fit).
    expect((await notes()).sort()).toEqual(['first', 'second']);
  });

  it('writes at once in a transaction that does not hold, and outside any transaction', async () => {
    await source.transaction(async (manager) => {
      await HeldWrites.write(manager, note('now'));
      expect(await manager.query('select count(*)::int as n from entry')).toEqual([{ n: 1 }]);
    });
    await HeldWrites.write(source.manager, note('alone'));
    expect(await notes()).toEqual(['now', 'alone']);
  });

  it('loses nothing but the transaction when the flush fails: the held writes roll back with it', async () => {
    await source.query(`insert into answer (key, body) values ('taken', '{}')`);
    await expect(
      source.transaction(async (manager) => {
        HeldWrites.hold(manager);
        await HeldWrites.write(manager, note('held'));
        await HeldWrites.flush(manager, {
          sql: `insert into answer (key, body) values ($1, '{}')`,
          params: ['taken'],
        });
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await notes()).toEqual([]);
    // The next transaction on the pool is not affected by the failed one.
    await source.transaction(async (manager) => {
      HeldWrites.hold(manager);
      await HeldWrites.write(manager, note('after'));
      await HeldWrites.flush(manager, { sql: 'select 1', params: [] });
    });
    expect(await notes()).toEqual(['after']);
  });

  it('refuses to hold or flush outside a transaction', async () => {
    expect(() => HeldWrites.hold(source.manager)).toThrow('HeldWrites needs a transaction');
    await expect(HeldWrites.flush(source.manager, { sql: 'select 1', params: [] })).rejects.toThrow(
      'HeldWrites needs a transaction',
    );
  });
});
