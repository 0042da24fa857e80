import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createHashPartitions } from './hash-partitions';

/** Hash partitions of `listing_risk` by category: a category's facts are read from one partition. */
export const LISTING_RISK_PARTITIONS = 16;

/**
 * The advisory lock that orders the writers of facts. Facts are counted in READ COMMITTED, each
 * statement seeing what was committed when it began: a listing written while a signal about its
 * seller is being recorded would otherwise be counted without the signal by the one and missed
 * by the other's re-count. Listing writes take it shared (imports' chunks go on side by side);
 * signals and failures take it alone, so each waits for the other to commit and then counts with
 * it in sight.
 */
const FACTS_LOCK = 7_020_001;

/** The columns of `listing_risk`, each as the listing (`n`) gives it. */
const FROM_LISTING = [
  ['listing_id', 'n.id'],
  ['category', 'n.category'],
  ['platform', 'n.platform'],
  ['platform_listing_id', 'n.platform_listing_id'],
  ['price_fen', 'n.price_fen'],
  ['brand_spec_key', 'n.brand_spec_key'],
  ['seller_credit_code', 'n.seller_credit_code'],
  ['seller_area_code', 'n.seller_area_code'],
  ['operator_area_code', 'n.operator_area_code'],
  ['promo_hits', 'n.promo_hits'],
  ['bad_rating_rate', 'coalesce(n.bad_rating_rate, 0)::float8'],
  ['monthly_sales', 'coalesce(n.monthly_sales, 0)'],
  ['complaints', 'coalesce(sl.n, 0) + coalesce(ss.n, 0)'],
  ['past_failures', 'coalesce(fs.n, 0) + coalesce(fb.n, 0)'],
] as const;

/**
 * The risk facts of the listings of `rows` (a relation of `listing` rows with a category),
 * inserted, or with `upsert` written over those stored when one of them changed: what each listing
 * carries of its own and its complaints and past failures counted. The counts read only the
 * signals and failures of these listings, their sellers and their brands.
 */
const writeFacts = (rows: string, upsert: boolean) => `
  with keys as materialized (
    select distinct platform, platform_listing_id, seller_credit_code,
           split_part(brand_spec_key, '|', 1) as brand_key
    from ${rows} where category is not null
  ),
  sl as (
    select s.platform, s.platform_listing_id, count(*)::int as n from signal s
    where (s.platform, s.platform_listing_id) in (select platform, platform_listing_id from keys)
    group by 1, 2
  ),
  ss as (
    select s.seller_credit_code, count(*)::int as n from signal s
    where s.seller_credit_code in (select seller_credit_code from keys) group by 1
  ),
  fs as (
    select f.seller_credit_code, count(*)::int as n from past_failure f
    where f.seller_credit_code in (select seller_credit_code from keys) group by 1
  ),
  fb as (
    select f.brand_key, count(*)::int as n from past_failure f
    where f.brand_key in (select brand_key from keys) group by 1
  )
  insert into listing_risk (${FROM_LISTING.map(([c]) => c).join(', ')})
  select ${FROM_LISTING.map(([, v]) => v).join(', ')}
  from ${rows} n
  left join sl on sl.platform = n.platform and sl.platform_listing_id = n.platform_listing_id
  left join ss on ss.seller_credit_code = n.seller_credit_code
  left join fs on fs.seller_credit_code = n.seller_credit_code
  left join fb on fb.brand_key = split_part(n.brand_spec_key, '|', 1)
  where n.category is not null
  ${upsert ? upsertFacts : ''}`;

/** New facts over stored ones, only where one of them changed (else the row keeps its version). */
const upsertFacts = `
  on conflict (listing_id, category) do update set
    ${FROM_LISTING.slice(2)
      .map(([c]) => `${c} = excluded.${c}`)
      .join(',\n    ')}
  where (${FROM_LISTING.slice(2)
    .map(([c]) => `listing_risk.${c}`)
    .join(', ')}) is distinct from (${FROM_LISTING.slice(2)
    .map(([c]) => `excluded.${c}`)
    .join(', ')})`;

/**
 * Listing risk facts, kept as listings, signals and past failures are written: scoring is
 * incremental. What a listing's score is made of, beside its plan's weights, its category's price
 * norm and its scope, lives in `listing_risk`, one narrow row per listing with a category, in
 * partitions by category. Statement triggers keep it:
 *
 * - a listing written (COPY, an import's upsert, a signal's listing) has its facts written again,
 *   its complaints and past failures counted then; a listing an import leaves unchanged is not
 *   written, so neither are its facts (a day's refresh re-scores only what changed);
 * - a listing that changes category leaves its old category's partition; a deleted one its facts;
 * - a signal re-counts the complaints of its listing and of its seller's listings;
 * - a past failure re-counts the past failures of its seller's and its brand's listings.
 *
 * A selection reads a category's facts from one partition (about a tenth of the pool's pages per
 * category, where `listing` holds every category on every page) and joins no signal or failure.
 * In the database, so that no writer (an import, a signal, a migration, a repair by hand) can
 * leave the facts behind: they change in the transaction that changes what they count.
 */
export class AddListingRisk1765200000000 implements MigrationInterface {
  name = 'AddListingRisk1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table listing_risk (
        listing_id bigint not null,
        category text not null,
        platform text not null,
        platform_listing_id text not null,
        price_fen bigint not null,
        brand_spec_key text,
        seller_credit_code text,
        seller_area_code text,
        operator_area_code text,
        promo_hits smallint not null,
        bad_rating_rate float8 not null,
        monthly_sales integer not null,
        complaints integer not null,
        past_failures integer not null,
        primary key (listing_id, category)
      ) partition by hash (category)`);
    await createHashPartitions(q, 'listing_risk', LISTING_RISK_PARTITIONS);
    // No index finds a brand's listings: a past failure reaches them by one pass over the facts
    // (narrow: about 130 bytes a listing). Failures come in tens a campaign and listings in
    // millions a day; such an index would double the cost of writing each listing's facts.
    // A seller's listings are found through listing_seller.
    await q.query('create index past_failure_seller on past_failure (seller_credit_code)');
    await q.query('create index past_failure_brand on past_failure (brand_key)');
    await q.query(`
      create function listing_risk_insert() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock_shared(${FACTS_LOCK});
        ${writeFacts('new_rows', false)};
        return null;
      end $$`);
    await q.query(`
      create function listing_risk_update() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock_shared(${FACTS_LOCK});
        delete from listing_risk r using old_rows o join new_rows n on n.id = o.id
        where o.category is distinct from n.category and r.listing_id = o.id and r.category = o.category;
        ${writeFacts('new_rows', true)};
        return null;
      end $$`);
    await q.query(`
      create function listing_risk_forget() returns trigger language plpgsql as $$
      begin
        delete from listing_risk r using old_rows o where r.listing_id = o.id and r.category = o.category;
        return null;
      end $$`);
    // One event per trigger: PostgreSQL's transition tables allow no more.
    await q.query(`
      create trigger listing_risk_insert after insert on listing
      referencing new table as new_rows for each statement execute function listing_risk_insert()`);
    await q.query(`
      create trigger listing_risk_update after update on listing
      referencing old table as old_rows new table as new_rows
      for each statement execute function listing_risk_update()`);
    await q.query(`
      create trigger listing_risk_delete after delete on listing
      referencing old table as old_rows for each statement execute function listing_risk_forget()`);
    await q.query(`
      create function listing_risk_complaints() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(${FACTS_LOCK});
        with hit as (
          select l.id, l.category, l.platform, l.platform_listing_id, l.seller_credit_code
          from listing l
          join (select distinct platform, platform_listing_id from changed_signals
                where platform is not null and platform_listing_id is not null) s
            on l.platform = s.platform and l.platform_listing_id = s.platform_listing_id
          union
          select l.id, l.category, l.platform, l.platform_listing_id, l.seller_credit_code
          from listing l
          join (select distinct seller_credit_code from changed_signals where seller_credit_code is not null) s
            on l.seller_credit_code = s.seller_credit_code
        )
        update listing_risk r set complaints =
          (select count(*) from signal s where s.platform = h.platform and s.platform_listing_id = h.platform_listing_id)
          + (select count(*) from signal s where s.seller_credit_code = h.seller_credit_code)
        from hit h where r.listing_id = h.id and r.category = h.category;
        return null;
      end $$`);
    await q.query(`
      create function listing_risk_past_failures() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(${FACTS_LOCK});
        with hit as (
          select r.listing_id, r.category, r.seller_credit_code, split_part(r.brand_spec_key, '|', 1) as brand_key
          from listing_risk r
          join (select distinct brand_key from changed_failures where brand_key is not null) f
            on split_part(r.brand_spec_key, '|', 1) = f.brand_key and r.brand_spec_key is not null
          union
          select r.listing_id, r.category, r.seller_credit_code, split_part(r.brand_spec_key, '|', 1)
          from listing l
          join (select distinct seller_credit_code from changed_failures where seller_credit_code is not null) f
            on l.seller_credit_code = f.seller_credit_code
          join listing_risk r on r.listing_id = l.id and r.category = l.category
        )
        update listing_risk r set past_failures =
          (select count(*) from past_failure f where f.seller_credit_code = h.seller_credit_code)
          + (select count(*) from past_failure f where f.brand_key = h.brand_key)
        from hit h where r.listing_id = h.listing_id and r.category = h.category;
        return null;
      end $$`);
    for (const [table, fn, rows] of [
      ['signal', 'listing_risk_complaints', 'changed_signals'],
      ['past_failure', 'listing_risk_past_failures', 'changed_failures'],
    ] as const) {
      await q.query(`
        create trigger ${fn}_insert after insert on ${table}
        referencing new table as ${rows} for each statement execute function ${fn}()`);
      await q.query(`
        create trigger ${fn}_delete after delete on ${table}
        referencing old table as ${rows} for each statement execute function ${fn}()`);
    }
    // The listings stored so far.
    await q.query(writeFacts('listing', false));
    await q.query('analyze listing_risk');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, fn] of [
      ['signal', 'listing_risk_complaints'],
      ['past_failure', 'listing_risk_past_failures'],
    ] as const) {
      await q.query(`drop trigger ${fn}_insert on ${table}`);
      await q.query(`drop trigger ${fn}_delete on ${table}`);
      await q.query(`drop function ${fn}`);
    }
    for (const t of ['insert', 'update', 'delete'])
      await q.query(`drop trigger listing_risk_${t} on listing`);
    await q.query('drop function listing_risk_insert');
    await q.query('drop function listing_risk_update');
    await q.query('drop function listing_risk_forget');
    await q.query('drop index past_failure_brand');
    await q.query('drop index past_failure_seller');
    await q.query('drop table listing_risk');
  }
}
