import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** What `pg_export_snapshot()` answers, e.g. `00000003-0000001B-1`: checked before it is spliced in. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/i;

/**
 * Runs `work` over `items` on `lanes` connections at once, each reading the snapshot of the
 * transaction `manager` belongs to (exported with `pg_export_snapshot()`, imported by each lane's
 * REPEATABLE READ, read-only transaction): the lanes see exactly what that transaction saw when it
 * exported it, whatever commits meanwhile. A selection's categories are scored this way, one
 * category a lane at a time, so the scoring of a plan over tens of millions of listings uses
 * every core PostgreSQL has instead of one. Answers the results in the order of `items`.
 */
export async function onSharedSnapshot<T, R>(
  dataSource: DataSource,
  manager: EntityManager,
  lanes: number,
  items: readonly T[],
  work: (lane: EntityManager, item: T) => Promise<R>,
): Promise<R[]> {
  if (items.length === 0) return [];
  // The transaction sits idle while its lanes work, longer than idle_in_transaction_session_timeout
  // over a large pool: that timeout is for transactions a client forgot, and would end this one.
  // The wait is bounded by the lanes' own statement timeouts.
  await manager.query('set local idle_in_transaction_session_timeout = 0');
  const rows = (await manager.query('select pg_export_snapshot() as id')) as Array<{ id: string }>;
  const snapshot = rows[0].id;
  if (!SNAPSHOT_ID.test(snapshot)) throw new Error(`unexpected snapshot id ${JSON.stringify(snapshot)}`);
  const runners: QueryRunner[] = [];
  try {
    for (let i = 0; i < Math.min(lanes, items.length); i++) {
      const runner = dataSource.createQueryRunner();
      runners.push(runner);
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`set transaction snapshot '${snapshot}'`);
      await runner.query('set transaction read only');
    }
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const drain = async (runner: QueryRunner): Promise<void> => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(runner.manager, items[i]);
      }
    };
    await Promise.all(runners.map(drain));
    return results;
  } finally {
    for (const runner of runners) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}
