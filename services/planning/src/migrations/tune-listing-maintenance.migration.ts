import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LISTING_RISK_PARTITIONS } from './add-listing-risk.migration';
import { LISTING_PARTITIONS } from './partition-listings.migration';

/** The data pool's partitions: `listing_pNN` and `listing_risk_pNN`. */
export const listingPartitionNames = (): string[] => [
  ...Array.from({ length: LISTING_PARTITIONS }, (_, i) => `listing_p${String(i).padStart(2, '0')}`),
  ...Array.from({ length: LISTING_RISK_PARTITIONS }, (_, i) => `listing_risk_p${String(i).padStart(2, '0')}`),
];

/** Autovacuum's settings on each of those partitions. */
export const LISTING_AUTOVACUUM = {
  autovacuum_vacuum_insert_threshold: '-1',
  autovacuum_analyze_scale_factor: '0.5',
};

/** Columns of `listing` that no query filters, joins, groups or sorts on: no statistics kept. */
export const LISTING_UNQUERIED_COLUMNS = [
  'url',
  'shop_url',
  'brand',
  'spec_model',
  'promotional_claims',
  'seller_address',
  'operator_name',
  'history',
];

/**
 * Autovacuum fitted to the data pool, whose partitions grow by millions of rows in one import
 * (issue 18). An import commits a chunk at a time, so while it was still writing, autovacuum found
 * each of the 32 partitions grown past its thresholds at every visit and worked on them the whole
 * time, on the same two cores: a vacuum of every page added since the last one, and an ANALYZE of
 * a 30,000-row sample each time a partition had grown by a tenth (at 10M, three workers analysing
 * side by side for most of the import).
 *
 * - **No insert-driven vacuum** (`autovacuum_vacuum_insert_threshold = -1`). What it is for is done
 *   otherwise here: listings are refreshed, not only inserted, so a day's changes leave dead rows
 *   and the update-driven vacuum (20 % dead) sets the visibility map then; freezing is the
 *   anti-wraparound vacuum's job, which stays on, a sixteenth of the pool at a time.
 * - **ANALYZE once a partition has grown by half** (`autovacuum_analyze_scale_factor = 0.5`, not
 *   0.1): fractions (the categories' shares, the sellers' most common values) are what the
 *   planner takes from statistics, and a data pool's fractions move slowly; the row counts it
 *   scales them by are read from the partitions' current size at planning time.
 * - **No statistics on columns no query filters, joins, groups or sorts on**
 *   (LISTING_UNQUERIED_COLUMNS: URLs, the claims, the history…): ANALYZE sorted a 30,000-row sample
 *   of each of them for nothing. Title, seller and shop name keep theirs (`GET /listings?q=`).
 */
export class TuneListingMaintenance1765300000000 implements MigrationInterface {
  name = 'TuneListingMaintenance1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const settings = Object.entries(LISTING_AUTOVACUUM)
      .map(([name, value]) => `${name} = ${value}`)
      .join(', ');
    for (const table of listingPartitionNames()) await q.query(`alter table ${table} set (${settings})`);
    for (const column of LISTING_UNQUERIED_COLUMNS)
      await q.query(`alter table listing alter column ${column} set statistics 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    const names = Object.keys(LISTING_AUTOVACUUM).join(', ');
    for (const table of listingPartitionNames()) await q.query(`alter table ${table} reset (${names})`);
    for (const column of LISTING_UNQUERIED_COLUMNS)
      await q.query(`alter table listing alter column ${column} set statistics -1`);
  }
}
