import type { DataSource } from 'typeorm';

/**
 * Each column of a table with its statistics target, by name: -1 for the server's default (which
 * PostgreSQL 17 stores as null), 0 for none kept.
 */
export const statisticsTargets = async (ds: DataSource, table: string): Promise<Record<string, number>> =>
  Object.fromEntries(
    (
      (await ds.query(
        `select attname as name, coalesce(attstattarget, -1) as target from pg_attribute
         where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
        [table],
      )) as Array<{ name: string; target: number }>
    ).map((r) => [r.name, Number(r.target)]),
  );
