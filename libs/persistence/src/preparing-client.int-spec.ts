import { createTestDatabase, pgServerFromEnv } from '@qis/testing';
import type { ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { HeldWrites } from './held-writes';
import { MAX_PREPARED_STATEMENTS, PreparingClient } from './preparing-client';

/** Writes to PostgreSQL's socket, counted: one per round trip the client starts. */
let writes = 0;
class CountingClient extends PreparingClient {
  constructor(config?: ClientConfig) {
    super(config);
    type Write = (...a: unknown[]) => void;
    const stream = (this as unknown as { connection: { stream: { _write: Write; _writev?: Write } } })
      .connection.stream;
    const counted =
      (write: Write): Write =>
      (...a) => {
        writes++;
        write(...a);
      };
    stream._write = counted(stream._write.bind(stream));
    if (stream._writev) stream._writev = counted(stream._writev.bind(stream));
  }
}

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
      extra: { max: 1, Client: CountingClient },
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

  it("sends a transaction's BEGIN with its first statement, in one write, and keeps it one transaction", async () => {
    const before = writes;
    await source.transaction(async (m) => {
      await m.query('insert into item (id, note) values ($1, $2)', [100, 'in a transaction']);
      await m.query('update item set note = $1 where id = $2', ['still in it', 100]);
    });
    // BEGIN + insert, update, COMMIT: three writes, where BEGIN alone would make four.
    expect(writes - before).toBe(3);
    expect(await source.query('select note from item where id = $1', [100])).toEqual([
      { note: 'still in it' },
    ]);

    // The first statement is inside the transaction: it rolls back with it.
    await expect(
      source.transaction(async (m) => {
        await m.query('insert into item (id, note) values ($1, $2)', [101, 'rolled back']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await source.query('select count(*)::int as n from item where id = $1', [101])).toEqual([
      { n: 0 },
    ]);
  });

  it("keeps a held BEGIN's transaction settings, an empty transaction, and a first statement that fails", async () => {
    const level = await source.transaction('SERIALIZABLE', (m) =>
      m.query(
        "select current_setting('transaction_isolation') as level, pg_current_xact_id_if_assigned() is null as fresh",
      ),
    );
    expect(level).toEqual([{ level: 'serializable', fresh: true }]);
    await expect(source.transaction(async () => undefined)).resolves.toBeUndefined();

    await expect(
      source.transaction((m) => m.query('insert into item (id, note) values ($1, $2)', [1, 'duplicate'])),
    ).rejects.toThrow(/duplicate key value/);
    // The connection is out of that transaction and takes the next one.
    const note = await source.transaction((m) => m.query('select note from item where id = $1', [1]));
    expect(note).toEqual([{ note: 'a' }]);
  });

  const noteOf = async (id: number) =>
    (await source.query('select note from item where id = $1', [id])) as Array<{ note: string }>;

  it("sends a transaction's last writes with its COMMIT, in order, in one write", async () => {
    const before = writes;
    await source.transaction(async (m) => {
      HeldWrites.hold(m);
      await m.query('insert into item (id, note) values ($1, $2)', [200, 'first']);
      await HeldWrites.write(m, {
        sql: 'insert into item (id, note) values ($1, $2)',
        params: [201, 'held'],
      });
      await HeldWrites.writeWithNext(m, {
        sql: 'update item set note = $1 where id = $2',
        params: ['second', 200],
      });
      await HeldWrites.flushWithCommit(m, {
        sql: 'update item set note = note || $1 where id = $2',
        params: [' third', 200],
      });
    });
    // BEGIN + insert, then the update, the held insert with the last update, and COMMIT: two writes.
    expect(writes - before).toBe(2);
    expect(await noteOf(200)).toEqual([{ note: 'second third' }]);
    expect(await noteOf(201)).toEqual([{ note: 'held' }]);
  });

  it('lets the next statement of the transaction see a deferred write', async () => {
    const seen = await source.transaction(async (m) => {
      await m.query('select 1');
      await HeldWrites.writeWithNext(m, {
        sql: 'insert into item (id, note) values ($1, $2)',
        params: [210, 'deferred'],
      });
      return m.query('select note from item where id = $1', [210]);
    });
    expect(seen).toEqual([{ note: 'deferred' }]);
    expect(await noteOf(210)).toEqual([{ note: 'deferred' }]);
  });

  it("fails the transaction with a deferred write's own error, and commits nothing of it", async () => {
    const failed = source.transaction(async (m) => {
      await m.query('insert into item (id, note) values ($1, $2)', [220, 'not kept']);
      await HeldWrites.writeWithNext(m, {
        sql: 'insert into item (id, note) values ($1, $2)',
        params: [1, 'duplicate'],
      });
    });
    await expect(failed).rejects.toThrow(/duplicate key value/);
    expect(await noteOf(220)).toEqual([]);
    // The connection is out of that transaction and takes the next one.
    await source.transaction((m) => m.query('insert into item (id, note) values ($1, $2)', [221, 'kept']));
    expect(await noteOf(221)).toEqual([{ note: 'kept' }]);
  });

  it('drops the deferred writes of a transaction rolled back, unsent', async () => {
    const before = writes;
    await expect(
      source.transaction(async (m) => {
        await m.query('select 1');
        await HeldWrites.writeWithNext(m, {
          sql: 'insert into item (id, note) values ($1, $2)',
          params: [230, 'never'],
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // BEGIN + select, ROLLBACK: the insert never left.
    expect(writes - before).toBe(2);
    expect(await noteOf(230)).toEqual([]);
  });
});
