import { createTestDatabase, pgServerFromEnv } from '@qis/testing';
import { DataSource } from 'typeorm';
import { MAX_PREPARED_STATEMENTS, PreparingClient } from './preparing-client';

/** Named prepared statements on the real PostgreSQL, through TypeORM as the services use it. */
describe('PreparingClient', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let source: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('preparing_client');
    const server = pgServerFromEnv();
    source = new DataSource({
      type: 'postgres',
      host: server.host,
      port: server.port,
      username: server.user,
      password: server.password,
      database: db.name,
      extra: { max: 1, Client: PreparingClient },
    });
    await source.initialize();
    await source.query('create table item (id int primary key, note text not null)');
  });

  afterAll(async () => {
    await source?.destroy();
    await db?.drop();
  });

  /** The connection's prepared statements (the pool has one connection). */
  const prepared = async () =>
    (
      (await source.query('select statement from pg_prepared_statements')) as Array<{ statement: string }>
    ).map((r) => r.statement);

  it('prepares a statement with parameters once per connection and runs it with each set of values', async () => {
    const insert = 'insert into item (id, note) values ($1, $2) returning note';
    expect(await source.query(insert, [1, 'a'])).toEqual([{ note: 'a' }]);
    expect(await source.query(insert, [2, 'b'])).toEqual([{ note: 'b' }]);
    expect(await prepared()).toEqual([insert]);
    expect(await source.query('select note from item where id = $1', [2])).toEqual([{ note: 'b' }]);
    expect(await prepared()).toHaveLength(2);
  });

  it('leaves statements without parameters unprepared, and transactions as they were', async () => {
    await source
      .transaction(async (m) => {
        await m.query('update item set note = $1 where id = $2', ['c', 1]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await source.query('select note from item where id = $1', [1])).toEqual([{ note: 'a' }]);
    expect(await prepared()).not.toContain('select count(*) from item');
    await source.query('select count(*) from item');
    expect(await prepared()).not.toContain('select count(*) from item');
  });

  it('keeps working when a prepared statement fails, and reports the error as PostgreSQL gave it', async () => {
    const insert = 'insert into item (id, note) values ($1, $2) returning note';
    await expect(source.query(insert, [1, 'duplicate'])).rejects.toThrow(/duplicate key value/);
    expect(await source.query(insert, [3, 'd'])).toEqual([{ note: 'd' }]);
    // A statement PostgreSQL refuses to parse is not taken for prepared.
    await expect(source.query('select nosuchcolumn from item where id = $1', [1])).rejects.toThrow(
      /nosuchcolumn/,
    );
    await expect(source.query('select nosuchcolumn from item where id = $1', [1])).rejects.toThrow(
      /nosuchcolumn/,
    );
  });

  it(`prepares at most ${MAX_PREPARED_STATEMENTS} statements a connection; the rest are parsed each time`, async () => {
    for (let i = 0; i < MAX_PREPARED_STATEMENTS + 10; i++) {
      expect(await source.query(`select $1::int + ${i} as n`, [1])).toEqual([{ n: 1 + i }]);
    }
    const statements = await prepared();
    expect(statements.length).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
    expect(statements.length).toBeGreaterThan(MAX_PREPARED_STATEMENTS - 10);
    expect(statements).toContain('select $1::int + 0 as n');
    expect(statements).not.toContain(`select $1::int + ${MAX_PREPARED_STATEMENTS + 9} as n`);
  });
});
