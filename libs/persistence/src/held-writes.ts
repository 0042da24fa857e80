import type { EntityManager, QueryRunner } from 'typeorm';
import { PreparingClient } from './preparing-client';

/** One SQL statement with its `$n` parameters. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

const held = new WeakMap<QueryRunner, Statement[]>();

/**
 * Writes that need nothing back (an audit entry) can wait for the transaction's last statement
 * and go with it, as data-modifying CTEs: one round trip to PostgreSQL instead of one each. They commit or roll back with the transaction exactly as before; what changes is only
 * when PostgreSQL sees them, so nothing in the transaction may read them back before the flush.
 *
 * Writers call `write`, which holds the statement when its transaction holds writes (`hold`) and
 * runs it at once otherwise. The owner of the transaction ends it with `flush`, which must run
 * before the commit: a held write that is never flushed is lost with the transaction.
 *
 * PostgreSQL runs the CTEs of one statement in no set order (and the same single-row insert
 * held many times goes as one multi-row insert), so held writes must not depend on their order
 * among themselves (an audit entry does not; outbox rows, whose ids are the event
 * order, do, and go in their order with `writeWithNext`).
 */
export const HeldWrites = {
  /**
   * From now on, `write`s on this transaction wait for `flush`. For a transaction of
   * `dataSource.transaction`, whose query runner is its own and released with it.
   */
  hold(manager: EntityManager): void {
    const runner = transactionOf(manager);
    if (!held.has(runner)) held.set(runner, []);
  },

  /** Runs `statement` now, or holds it until `flush` when its transaction holds writes. */
  async write(manager: EntityManager, statement: Statement): Promise<void> {
    const waiting = manager.queryRunner ? held.get(manager.queryRunner) : undefined;
    if (waiting) waiting.push(statement);
    else await manager.query(statement.sql, [...statement.params]);
  },

  /**
   * Sends the held writes with `last` (whose rows it returns) in one statement, and stops holding.
   * Without held writes, `last` alone. Without `last`, the held writes alone, and no round trip
   * when there are none. Run it before the transaction commits.
   */
  async flush<T = unknown>(manager: EntityManager, last?: Statement): Promise<T[]> {
    const combined = takeHeld(manager, last);
    if (!combined) return [];
    return (await manager.query(combined.sql, [...combined.params])) as T[];
  },

  /**
   * `flush` for the transaction's very last writes, whose rows nobody reads: they go with its
   * next statement, its COMMIT, on a connection that defers writes (`PreparingClient`), saving
   * their round trip; elsewhere at once, as `flush`. A failure fails the COMMIT, so the
   * transaction, with the write's own error.
   */
  async flushWithCommit(manager: EntityManager, last?: Statement): Promise<void> {
    const combined = takeHeld(manager, last);
    if (combined) await HeldWrites.writeWithNext(manager, combined);
  },

  /**
   * A write inside a transaction that needs nothing back and whose order among the transaction's
   * statements matters (an outbox row): on a connection that defers writes it goes with the
   * transaction's next statement, in order, else at once. A failure fails that next statement.
   */
  async writeWithNext(manager: EntityManager, statement: Statement): Promise<void> {
    const client = connectionOf(transactionOf(manager));
    if (client instanceof PreparingClient) client.deferWrite(statement.sql, statement.params);
    else await manager.query(statement.sql, [...statement.params]);
  },
};

/** The transaction's held writes and `last` as one statement, no longer held; none without either. */
function takeHeld(manager: EntityManager, last?: Statement): Statement | undefined {
  const runner = transactionOf(manager);
  const waiting = held.get(runner) ?? [];
  held.delete(runner);
  if (!last && waiting.length === 0) return undefined;
  return combine([...waiting, last ?? { sql: 'select', params: [] }]);
}

/** The pg client of a query runner in a transaction (TypeORM's PostgreSQL runner keeps it). */
const connectionOf = (runner: QueryRunner): unknown =>
  (runner as unknown as { databaseConnection?: unknown }).databaseConnection;

function transactionOf(manager: EntityManager): QueryRunner {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive)
    throw new Error('HeldWrites needs a transaction (dataSource.transaction(manager => …))');
  return runner;
}

const PARAMETER = /\$(\d+)/g;
/** `insert into t (a, b) values ($1, $2::jsonb)`: one row of parameters (casts allowed), nothing after it. */
const SINGLE_ROW_INSERT = /^(\s*insert\s+into\s+[^()]+\([^()]*\)\s*values\s*)(\([^()]*\))\s*$/i;

/**
 * Held writes that are the same single-row insert (the same text) go as one multi-row insert: a
 * chunk's effects in one statement, not a CTE each (PostgreSQL plans 200 CTEs ~5× slower than one
 * insert of 200 rows). Allowed because held writes have no order among themselves. Groups keep
 * the position of their first statement; anything else stays as it is.
 */
function mergeInserts(statements: readonly Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  const bySql = new Map<string, Statement[]>();
  for (const statement of statements) {
    const group = SINGLE_ROW_INSERT.test(statement.sql) ? bySql.get(statement.sql) : undefined;
    if (group) group.push(statement);
    else {
      const fresh = [statement];
      groups.push(fresh);
      if (SINGLE_ROW_INSERT.test(statement.sql)) bySql.set(statement.sql, fresh);
    }
  }
  return groups;
}
const LEADING_WITH = /^\s*with\s+(recursive\s+)?/i;

/**
 * `with w1 as (s1), w2 as (s2) last`, parameters renumbered in order. Every statement's `$n` must
 * be a parameter (no `$n` inside literals or dollar quotes); each runs once, as PostgreSQL runs
 * every data-modifying CTE whether or not it is referenced.
 */
export function combine(statements: readonly Statement[]): Statement {
  if (statements.length === 1) return statements[0];
  const params: unknown[] = [];
  const renumber = (s: Statement, sql = s.sql) => {
    const offset = params.length;
    params.push(...s.params);
    return sql.replace(PARAMETER, (_m, n: string) => {
      const index = Number(n);
      if (index < 1 || index > s.params.length)
        throw new Error(`statement refers to $${index} but has ${s.params.length} parameters`);
      return `$${index + offset}`;
    });
  };
  const renumbered = [
    ...mergeInserts(statements.slice(0, -1)).map((group) =>
      group.length === 1
        ? renumber(group[0])
        : // one multi-row insert: the first's text, then each one's row of values
          `${renumber(group[0])}, ${group
            .slice(1)
            .map((s) => renumber(s, (SINGLE_ROW_INSERT.exec(s.sql) as RegExpExecArray)[2]))
            .join(', ')}`,
    ),
    renumber(statements[statements.length - 1]),
  ];
  const last = renumbered.pop() as string;
  const ctes = renumbered.map((sql, i) => `held_${i + 1} as (${sql})`).join(', ');
  // A last statement with its own WITH list continues ours.
  const own = LEADING_WITH.exec(last);
  return {
    sql: own
      ? `with ${own[1] ? 'recursive ' : ''}${ctes}, ${last.slice(own[0].length)}`
      : `with ${ctes} ${last}`,
    params,
  };
}
