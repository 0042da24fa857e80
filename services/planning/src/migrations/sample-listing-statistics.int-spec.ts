import { CreateAuditLog1763800004000 } from '@qis/audit';
import { createTestDatabase, testDataSource } from '@qis/testing';
import type { DataSource } from 'typeorm';
import { migrations } from '.';
import { LISTING_STATISTICS_TARGET } from './sample-listing-statistics.migration';
import { statisticsTargets as targets } from '../test-support/statistics-targets';
import { LISTING_UNQUERIED_COLUMNS } from './tune-listing-maintenance.migration';

/** The distinct targets of a table's columns other than those kept without statistics. */
const analysed = async (ds: DataSource, table: string) =>
  new Set(
    Object.entries(await targets(ds, table))
      .filter(([name]) => !LISTING_UNQUERIED_COLUMNS.includes(name))
      .map(([, target]) => target),
  );

describe('SampleListingStatistics1765400000000', () => {
  it('samples 3,000 rows of every data pool partition, keeps unqueried columns unanalysed, and reverts', async () => {
    const db = await createTestDatabase('planning_listing_statistics');
    const ds = testDataSource(db.name, [CreateAuditLog1763800004000, ...migrations]);
    try {
      await ds.initialize();
      await ds.runMigrations();
      expect(migrations.at(-1)?.name).toBe('SampleListingStatistics1765400000000');
      for (const table of ['listing', 'listing_p00', 'listing_p15', 'listing_risk', 'listing_risk_p09'])
        expect([table, await analysed(ds, table)]).toEqual([table, new Set([LISTING_STATISTICS_TARGET])]);
      const listing = await targets(ds, 'listing_p03');
      for (const column of LISTING_UNQUERIED_COLUMNS) expect([column, listing[column]]).toEqual([column, 0]);

      // ANALYZE of a partition now draws a histogram of ten buckets (eleven bounds), not a hundred.
      await ds.query(
        `insert into listing_risk (listing_id, category, platform, platform_listing_id, price_fen, promo_hits,
           bad_rating_rate, monthly_sales, complaints, past_failures)
         select i, 'backpack', 'p', i::text, i * 100, 0, 0, 0, 0, 0 from generate_series(1, 4000) i`,
      );
      await ds.query('analyze listing_risk');
      const bounds = (await ds.query(
        `select cardinality(histogram_bounds::text::text[]) as n from pg_stats
         where tablename like 'listing_risk_p%' and attname = 'price_fen' and histogram_bounds is not null`,
      )) as Array<{ n: number }>;
      expect(bounds.map((b) => b.n)).toEqual([LISTING_STATISTICS_TARGET + 1]);

      await ds.undoLastMigration();
      for (const table of ['listing', 'listing_p00', 'listing_risk', 'listing_risk_p09'])
        expect([table, await analysed(ds, table)]).toEqual([table, new Set([-1])]);
      expect((await targets(ds, 'listing_p03'))['history']).toBe(0);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });
});
