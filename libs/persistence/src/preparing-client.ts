import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** Statements a connection keeps prepared at most; past it, statements are parsed each time. */
export const MAX_PREPARED_STATEMENTS = 256;

type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * A pg client that runs every statement with parameters as a named prepared statement of its
 * connection: PostgreSQL parses and analyses it once per connection, and plans it once when a
 * generic plan serves (after five executions it compares), where an unnamed statement is parsed,
 * analysed and planned at every execution. For services whose hot paths are many small statements
 * (the lab API: a claim, a guarded update, an insert, the stored answer per request). The name is
 * the statement's hash, so the same text shares one preparation; at most
 * MAX_PREPARED_STATEMENTS per connection, so statements built with a varying text (an IN list)
 * cannot grow a connection's memory without end. Statements without parameters (BEGIN, COMMIT,
 * SET) and streams go as before.
 *
 * Used as the pool's `Client` (`preparedStatements` in the service definition). Not for statements
 * whose best plan depends on their parameter values (a selection over skewed data): a generic plan
 * would serve them all alike.
 */
export class PreparingClient extends Client {
  /** Statement text → its prepared statement's name on this connection. */
  readonly statementNames = new Map<string, string>();
}

const query = Client.prototype.query as unknown as Query;
Object.defineProperty(PreparingClient.prototype, 'query', {
  value: function (this: PreparingClient, config: unknown, values?: unknown, callback?: unknown) {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      let name = this.statementNames.get(config);
      if (name === undefined && this.statementNames.size < MAX_PREPARED_STATEMENTS) {
        name = `qis_${createHash('sha1').update(config).digest('hex').slice(0, 24)}`;
        this.statementNames.set(config, name);
      }
      if (name !== undefined) return query.call(this, { name, text: config, values }, callback);
    }
    return query.call(this, config, values, callback);
  },
});
