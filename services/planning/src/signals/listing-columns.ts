import type { ListingRow } from './listing-row';

/** A column of `listing` written by imports and signals: name, PostgreSQL type, how to read it from a row. */
export type ListingColumn = readonly [name: string, type: string, read: (r: ListingRow) => unknown];

export const LISTING_COLUMNS: readonly ListingColumn[] = [
  ['platform', 'text', (r) => r.platform],
  ['platform_listing_id', 'text', (r) => r.platformListingId],
  ['url', 'text', (r) => r.url],
  ['title', 'text', (r) => r.title],
  ['category', 'text', (r) => r.category],
  ['brand', 'text', (r) => r.brand],
  ['spec_model', 'text', (r) => r.specModel],
  ['brand_spec_key', 'text', (r) => r.brandSpecKey],
  ['price_fen', 'int8', (r) => r.priceFen],
  ['monthly_sales', 'int4', (r) => r.monthlySales],
  ['stock', 'int4', (r) => r.stock],
  ['rating_count', 'int4', (r) => r.ratingCount],
  ['bad_rating_rate', 'numeric', (r) => r.badRatingRate],
  ['promotional_claims', 'jsonb', (r) => JSON.stringify(r.promotionalClaims)],
  ['promo_hits', 'int2', (r) => r.promoHits],
  ['shop_name', 'text', (r) => r.shopName],
  ['shop_url', 'text', (r) => r.shopUrl],
  ['seller_name', 'text', (r) => r.sellerName],
  ['seller_entity_type', 'text', (r) => r.sellerEntityType],
  ['seller_credit_code', 'text', (r) => r.sellerCreditCode],
  ['seller_area_code', 'text', (r) => r.sellerAreaCode],
  ['seller_address', 'text', (r) => r.sellerAddress],
  ['operator_name', 'text', (r) => r.operatorName],
  ['operator_area_code', 'text', (r) => r.operatorAreaCode],
  ['observed_at', 'timestamptz', (r) => r.observedAt],
];

const names = LISTING_COLUMNS.map(([name]) => name);
/** What an observation says of a listing, beside which listing it is and when it was seen. */
const content = names.filter((n) => n !== 'platform' && n !== 'platform_listing_id' && n !== 'observed_at');

/**
 * The upsert of listings by platform + platform listing id from `source`, a relation aliased `u`
 * with every listing column, each listing at most once (among the rows `where` keeps). The newest observation wins; a change of
 * price or monthly sales is appended to the history; an older observation than the stored one
 * changes nothing, and neither does a newer one that says the same as the stored one: a day's
 * refresh of the data pool writes only the listings that changed (`observed_at` is the newest
 * observation that changed the listing), so the rest keep their row version, their index
 * entries and their partition's visibility map.
 */
export function listingUpsertSql(source: string, where = 'true'): string {
  return `
  insert into listing (${names.join(', ')}, history)
  select ${names.map((n) => `u.${n}`).join(', ')},
    jsonb_build_array(jsonb_build_object('at', u.observed_at, 'priceFen', u.price_fen, 'monthlySales', u.monthly_sales))
  from ${source}
  where ${where}
  on conflict (platform, platform_listing_id) do update set
    ${names
      .filter((n) => n !== 'platform' && n !== 'platform_listing_id')
      .map((n) => `${n} = excluded.${n}`)
      .join(',\n    ')},
    history = case
      when listing.price_fen is distinct from excluded.price_fen
        or listing.monthly_sales is distinct from excluded.monthly_sales
      then listing.history || excluded.history
      else listing.history end,
    updated_at = now()
  where excluded.observed_at >= listing.observed_at
    and (${content.map((n) => `listing.${n}`).join(', ')}) is distinct from (${content.map((n) => `excluded.${n}`).join(', ')})`;
}
