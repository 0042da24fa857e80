import { CreateAuditLog1763800004000 } from '@qis/audit';
import { createTestDatabase, testDataSource } from '@qis/testing';
import type { DataSource } from 'typeorm';
import { statisticsTargets } from '../test-support/statistics-targets';
import { migrations } from '.';
import {
  LISTING_UNQUERIED_COLUMNS,
  TuneListingMaintenance1765300000000,
} from './tune-listing-maintenance.migration';

/** Each partition of `listing` and `listing_risk` with its own storage parameters (sorted). */
const partitions = async (ds: DataSource) =>
  (await ds.query(
    `select c.relname as name, p.relname as parent, coalesce(array_to_string(c.reloptions, ',', ''), '') as options
     from pg_inherits i join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
     where p.relname in ('listing', 'listing_risk') order by c.relname`,
  )) as Array<{ name: string; parent: string; options: string }>;

/** The columns of a table without statistics (target 0), sorted. */
const unanalysed = async (ds: DataSource, table: string) =>
  Object.entries(await statisticsTargets(ds, table))
    .filter(([, target]) => target === 0)
    .map(([name]) => name)
    .sort();

describe('TuneListingMaintenance1765300000000', () => {
  it('fits autovacuum to the data pool on every listing and listing_risk partition, and reverts', async () => {
    const db = await createTestDatabase('planning_listing_maintenance');
    // The migrations up to this one, so that undoing the last undoes it.
    const upTo = migrations.slice(0, migrations.indexOf(TuneListingMaintenance1765300000000) + 1);
    const ds = testDataSource(db.name, [CreateAuditLog1763800004000, ...upTo]);
    try {
      await ds.initialize();
      await ds.runMigrations();
      const tuned = await partitions(ds);
      expect(tuned.filter((p) => p.parent === 'listing')).toHaveLength(16);
      expect(tuned.filter((p) => p.parent === 'listing_risk')).toHaveLength(16);
      // No insert-driven vacuum, ANALYZE at half again; the rest of autovacuum as the server has it.
      expect(new Set(tuned.map((p) => p.options))).toEqual(
        new Set(['autovacuum_vacuum_insert_threshold=-1,autovacuum_analyze_scale_factor=0.5']),
      );
      const none = [...LISTING_UNQUERIED_COLUMNS].sort();
      expect(await unanalysed(ds, 'listing')).toEqual(none);
      // A partition follows its parent's statistics targets (ANALYZE works on the partitions).
      expect(await unanalysed(ds, 'listing_p07')).toEqual(none);
      expect(await unanalysed(ds, 'listing_risk')).toEqual([]);

      await ds.undoLastMigration();
      expect(new Set((await partitions(ds)).map((p) => p.options))).toEqual(new Set(['']));
      expect(await unanalysed(ds, 'listing_p07')).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
