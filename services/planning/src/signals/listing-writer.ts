import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ListingRow } from './listing-row';

/** Column, its PostgreSQL array type for `unnest`, and how to read it from a row. */
const COLUMNS: ReadonlyArray<[string, string, (r: ListingRow) => unknown]> = [
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

const names = COLUMNS.map(([name]) => name);
const UPSERT = `
  insert into listing (${names.join(', ')}, history)
  select u.*, jsonb_build_array(jsonb_build_object('at', u.observed_at, 'priceFen', u.price_fen, 'monthlySales', u.monthly_sales))
  from unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) as u(${names.join(', ')})
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
  where excluded.observed_at >= listing.observed_at`;

/**
 * Upserts listings by platform + platform listing id with one statement per call (arrays through
 * `unnest`). The newest observation wins; every change of price or monthly sales is appended to
 * the listing's history; an observation older than the one stored changes nothing.
 */
@Injectable()
export class ListingWriter {
  async upsert(manager: EntityManager, rows: readonly ListingRow[]): Promise<void> {
    // One statement may not touch a row twice: observations of the same listing go in successive
    // statements, oldest first, so each change still lands in the history.
    let rounds = splitRounds(rows);
    if (rounds.length > 1) {
      rounds = splitRounds([...rows].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt)));
    }
    for (const round of rounds) {
      await manager.query(
        UPSERT,
        COLUMNS.map(([, , read]) => round.map(read)),
      );
    }
  }
}

/** Round k holds the k-th observation of each listing. */
function splitRounds(rows: readonly ListingRow[]): ListingRow[][] {
  const rounds: ListingRow[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.platform}:${row.platformListingId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return rounds;
}
