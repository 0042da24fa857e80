import { createHash } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/** Statements a connection keeps prepared at most; past it, statements are parsed each time. */
export const MAX_PREPARED_STATEMENTS = 256;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** What TypeORM's `START TRANSACTION` sends; held until the transaction's first statement. */
const BEGIN = 'START TRANSACTION';
/** What TypeORM sends to end a transaction without its changes (a savepoint's is another text). */
const ROLLBACK = 'ROLLBACK';
/** The answer to a held BEGIN: PostgreSQL's own answer comes with the first statement's. */
const HELD_BEGIN = Object.freeze({ command: 'BEGIN', rowCount: null, rows: [], fields: [] });

/**
 * A pg client for hot paths made of many small statements in short transactions (the lab API: a
 * claim, a guarded update, an insert, the stored answer per request). Two things set it apart:
 *
 * - Every statement with parameters runs as a named prepared statement of its connection:
 *   PostgreSQL parses and analyses it once per connection, and plans it once when a generic plan
 *   serves (after five executions it compares), where an unnamed statement is parsed, analysed and
 *   planned at every execution. The name is the statement's hash, so the same text shares one
 *   preparation; at most MAX_PREPARED_STATEMENTS per connection, so statements built with a
 *   varying text (an IN list) cannot grow a connection's memory without end.
 * - A transaction's BEGIN waits for its first statement and goes with it, in one write and one
 *   round trip (as pgJDBC does), on pg's pipeline mode: the first statement is sent without waiting
 *   for BEGIN's answer, and its promise settles with BEGIN's error if BEGIN failed. BEGIN fails
 *   only with the session (a broken connection, a terminated backend), which fails the statement
 *   too. TypeORM ends every transaction with COMMIT or ROLLBACK, which carries a BEGIN still held.
 *
 * - Writes that need nothing back may wait for the connection's next statement and go with it
 *   (`deferWrite`, through `HeldWrites.flushWithCommit` and `HeldWrites.writeWithNext`): the
 *   transaction's last writes leave with its COMMIT, in one write and one round trip. They reach
 *   PostgreSQL in the order they were made and before that statement, so the transaction sees
 *   exactly what it would have; a deferred write that fails fails the statement it went with (with
 *   the write's own error), and COMMIT then ends an aborted transaction. A ROLLBACK drops them
 *   unsent.
 *
 * Used as the pool's `Client` (`preparedStatements` in the service definition). Not for
 * statements whose best plan depends on their parameter values (a selection over skewed data): a
 * generic plan would serve them all alike. Pipeline mode refuses cursors and streams (pg-cursor,
 * pg-query-stream, the `rows` option): a service that needs them keeps the plain client.
 */
export class PreparingClient extends Client {
  /** Statement text → its prepared statement's name on this connection. */
  readonly statementNames = new Map<string, string>();
  /** A BEGIN answered but not sent yet: it goes with the next statement. */
  beginHeld = false;
  /** Writes waiting for the next statement, in the order they were made (see `deferWrite`). */
  readonly deferred: Array<{ sql: string; params: unknown[] }> = [];

  constructor(config?: string | ClientConfig) {
    super(config);
    // Set here rather than passed: the pool's config hides its password from a copy.
    (this as { pipeline: boolean }).pipeline = true;
  }

  /**
   * Sends `sql` with the connection's next statement instead of on its own. For a write inside a
   * transaction whose result nobody reads; its error surfaces on that next statement.
   */
  deferWrite(sql: string, params: readonly unknown[]): void {
    this.deferred.push({ sql, params: [...params] });
  }
}

interface Connection {
  stream: { cork?: () => void; uncork?: () => void };
}

const query = Client.prototype.query as unknown as Query;

/** The statement as a named prepared statement where it has parameters and a name is free. */
function prepared(client: PreparingClient, config: unknown, values?: unknown): [unknown, unknown] {
  if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
    let name = client.statementNames.get(config);
    if (name === undefined && client.statementNames.size < MAX_PREPARED_STATEMENTS) {
      name = `qis_${createHash('sha1').update(config).digest('hex').slice(0, 24)}`;
      client.statementNames.set(config, name);
    }
    if (name !== undefined) return [{ name, text: config, values }, undefined];
  }
  return [config, values];
}

Object.defineProperty(PreparingClient.prototype, 'query', {
  value: function (this: PreparingClient, config: unknown, values?: unknown, callback?: unknown) {
    if (config === BEGIN && values === undefined && callback === undefined && !this.beginHeld) {
      this.beginHeld = true;
      return Promise.resolve(HELD_BEGIN);
    }
    // Deferred writes of a transaction rolled back are dropped: nothing to undo.
    if (config === ROLLBACK) this.deferred.length = 0;
    const [statement, parameters] = prepared(this, config, values);
    if (!this.beginHeld && this.deferred.length === 0)
      return query.call(this, statement, parameters, callback);
    const begin = this.beginHeld;
    this.beginHeld = false;
    const writes = this.deferred.splice(0);
    // Every message leaves in one write: the stream is corked until all are queued.
    const stream = (this as unknown as { connection: Connection }).connection.stream;
    stream.cork?.();
    try {
      const before: Array<Promise<unknown>> = [];
      if (begin) before.push(query.call(this, BEGIN) as Promise<unknown>);
      for (const write of writes)
        before.push(query.call(this, ...prepared(this, write.sql, write.params)) as Promise<unknown>);
      const result = query.call(this, statement, parameters, callback);
      // PostgreSQL answers in order, so the first to fail is the first rejection: a BEGIN that
      // failed (the session did), else a deferred write's own error rather than the
      // "transaction is aborted" the statements after it get.
      if (result instanceof Promise)
        return Promise.all([...before, result]).then((all) => all[all.length - 1]);
      // A callback query: it fails with the transaction if one of them failed.
      for (const sent of before) sent.catch(() => undefined);
      return result;
    } finally {
      stream.uncork?.();
    }
  },
});
