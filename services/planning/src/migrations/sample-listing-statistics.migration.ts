import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The statistics target of the data pool's columns: ANALYZE samples 300 × this many rows. */
export const LISTING_STATISTICS_TARGET = 10;

/** The data pool's tables; their partitions follow their statistics targets. */
const POOL_TABLES = ['listing', 'listing_risk'];

/**
 * The columns of a table with this statistics target (-1: the server's default, which PostgreSQL
 * 17 stores as null).
 */
const columnsWithTarget = async (q: QueryRunner, table: string, target: number): Promise<string[]> =>
  (
    (await q.query(
      `select attname as name from pg_attribute
       where attrelid = $1::regclass and attnum > 0 and not attisdropped
         and coalesce(attstattarget, -1) = $2
       order by attnum`,
      [table, target],
    )) as Array<{ name: string }>
  ).map((r) => r.name);

/**
 * A smaller statistics sample for the data pool (issue 18): target 10, so ANALYZE reads 3,000
 * rows of a partition instead of 30,000 (the server's default target, 100).
 *
 * An import of millions of listings grows each of the 32 partitions past autovacuum's analyze
 * threshold again and again while it writes (TuneListingMaintenance already made that every time
 * a partition has grown by half), and at the default target each of those ANALYZE passes read a
 * 30,000-row sample: at 10M listings that is every page of a listing partition (20,000 pages), and
 * a sort of 30,000 values for each of its twenty columns, on the same two cores as the import.
 * Measured on one partition of 50,000 listings: 330–490 ms an ANALYZE before, 25–27 ms after;
 * beside the 10M bench, autovacuum's workers were seen analysing in 40–49 one-second samples
 * against 260 before.
 *
 * What the planner takes from these statistics needs no finer sample: the selection reads a whole
 * category (a partition of `listing_risk`, pruned by its hash) and filters it; lookups go by
 * unique keys; the fractions it estimates (the share of a category's listings under a price cap
 * or from an area) come out of 3,000 rows within a few per cent. The number of distinct values of
 * a column of millions is estimated less closely from the smaller sample, and no plan here turns
 * on it: the past failures and the year's batches a category is joined with are small, hashed.
 * The selection's EXPLAIN at 10M (planning README) has the same plan over the pool as before.
 * The columns without statistics (TuneListingMaintenance) stay without.
 */
export class SampleListingStatistics1765400000000 implements MigrationInterface {
  name = 'SampleListingStatistics1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of POOL_TABLES)
      for (const column of await columnsWithTarget(q, table, -1))
        await q.query(
          `alter table ${table} alter column ${column} set statistics ${LISTING_STATISTICS_TARGET}`,
        );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of POOL_TABLES)
      for (const column of await columnsWithTarget(q, table, LISTING_STATISTICS_TARGET))
        await q.query(`alter table ${table} alter column ${column} set statistics -1`);
  }
}
