import { createHash } from 'node:crypto';
import { Client, type ClientConfig } from 'pg';

/** Statements a connection keeps prepared at most; past it, statements are parsed each time. */
export const MAX_PREPARED_STATEMENTS = 256;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** What TypeORM's `START TRANSACTION` sends; held until the transaction's first statement. */
const BEGIN = 'START TRANSACTION';
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

  constructor(config?: string | ClientConfig) {
    super(config);
    // Set here rather than passed: the pool's config hides its password from a copy.
    (this as { pipeline: boolean }).pipeline = true;
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
    const [statement, parameters] = prepared(this, config, values);
    if (!this.beginHeld) return query.call(this, statement, parameters, callback);
    this.beginHeld = false;
    // Both messages leave in one write: the stream is corked until both are queued.
    const stream = (this as unknown as { connection: Connection }).connection.stream;
    stream.cork?.();
    try {
      const begun = query.call(this, BEGIN) as Promise<unknown>;
      const result = query.call(this, statement, parameters, callback);
      if (result instanceof Promise) return Promise.all([begun, result]).then(([, answer]) => answer);
      // A callback query: a BEGIN that failed has failed the session, and the statement with it.
      begun.catch(() => undefined);
      return result;
    } finally {
      stream.uncork?.();
    }
  },
});
