import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createHashPartitions } from './hash-partitions';

/** Hash partitions of `listing`: each a sixteenth of the data pool, vacuumed and indexed on its own. */
export const LISTING_PARTITIONS = 16;

/**
 * The data pool's listings in hash partitions of platform + platform listing id (the key every
 * import upserts by, so an upsert touches one partition). Tens of millions of rows, refreshed
 * continually: autovacuum, analyze and an index rebuild work on a sixteenth at a time, and each
 * partition's visibility map stays mostly all-visible when a day's changes touch only a few of
 * its rows.
 *
 * A partitioned table's unique keys must hold the partition key, so `id` is no longer a primary
 * key (its sequence still numbers every row; an index serves lookups by it), and `plan_selection`
 * and `batch` can no longer declare a foreign key to it: a trigger refuses instead to delete a
 * listing a selection or a batch names (listings are never deleted by the service).
 */
export class PartitionListings1765100000000 implements MigrationInterface {
  name = 'PartitionListings1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table plan_selection drop constraint plan_selection_listing_id_fkey');
    await q.query('alter table batch drop constraint batch_listing_id_fkey');
    await q.query('alter table listing rename to listing_unpartitioned');
    await q.query(
      'alter table listing_unpartitioned rename constraint listing_platform_listing to listing_platform_listing_old',
    );
    await q.query('alter index listing_category rename to listing_category_old');
    await q.query('alter index listing_seller rename to listing_seller_old');
    await q.query('alter sequence listing_id_seq owned by none');
    // Same columns, defaults (the id's sequence included) and NOT NULLs, in the same order.
    await q.query(`
      create table listing (
        like listing_unpartitioned including defaults,
        constraint listing_platform_listing unique (platform, platform_listing_id)
      ) partition by hash (platform, platform_listing_id)`);
    await createHashPartitions(q, 'listing', LISTING_PARTITIONS);
    await q.query('alter sequence listing_id_seq owned by listing.id');
    await q.query('insert into listing select * from listing_unpartitioned');
    await q.query('drop table listing_unpartitioned');
    await q.query('create index listing_id on listing (id)');
    await q.query('create index listing_category on listing (category)');
    await q.query('create index listing_seller on listing (seller_credit_code)');
    await q.query(`
      create function listing_keep_referenced() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from plan_selection where listing_id = old.id)
           or exists (select 1 from batch where listing_id = old.id) then
          raise exception 'listing % is named by a selection or a batch and cannot be deleted', old.id
            using errcode = 'foreign_key_violation';
        end if;
        return old;
      end $$`);
    await q.query(`
      create trigger listing_keep_referenced before delete on listing
      for each row execute function listing_keep_referenced()`);
    await q.query('create index plan_selection_listing on plan_selection (listing_id)');
    await q.query('create index batch_listing on batch (listing_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop index batch_listing');
    await q.query('drop index plan_selection_listing');
    await q.query('alter table listing rename to listing_partitioned');
    await q.query(
      'alter table listing_partitioned rename constraint listing_platform_listing to listing_platform_listing_old',
    );
    await q.query('alter index listing_category rename to listing_category_old');
    await q.query('alter index listing_seller rename to listing_seller_old');
    await q.query('alter sequence listing_id_seq owned by none');
    await q.query('create table listing (like listing_partitioned including defaults)');
    await q.query('insert into listing select * from listing_partitioned');
    await q.query('drop table listing_partitioned');
    await q.query('drop function listing_keep_referenced');
    await q.query('alter sequence listing_id_seq owned by listing.id');
    await q.query('alter table listing add primary key (id)');
    await q.query(
      'alter table listing add constraint listing_platform_listing unique (platform, platform_listing_id)',
    );
    await q.query('create index listing_category on listing (category)');
    await q.query('create index listing_seller on listing (seller_credit_code)');
    await q.query('alter table plan_selection add foreign key (listing_id) references listing (id)');
    await q.query('alter table batch add foreign key (listing_id) references listing (id)');
  }
}
