import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FactorExplanation } from './factor-explanation';
import { explainScore, FACTOR_VALUES_SQL, scoreSql } from './risk-formula';
import type { RiskWeights } from './risk-weights';

/** A category's price norm (median and MAD of listed prices) and its risk weight in the scheme. */
export interface CategoryNorm {
  category: string;
  median: number;
  mad: number;
  risk: number;
}

/** What a plan's selection may take: the scope rule, platforms, price cap and the twice-a-year rule. */
export interface Eligibility {
  /** Prefixes (`3301`, `33`) of the bureau's city and province and of delegated areas. */
  cityPrefix: string;
  provincePrefix: string;
  delegatedPrefixes: string[];
  platforms: string[] | null;
  year: number;
  /** Targeted follow-up plans are exempt from the twice-a-year rule. */
  followUp: boolean;
}

export interface ScoredListing {
  id: string;
  platform: string;
  platformListingId: string;
  category: string;
  priceFen: number;
  brandSpecKey: string | null;
  /** Batches of this brand + spec/model already issued this year (follow-ups not counted). */
  priorBatches: number;
  inScope: boolean;
  platformAllowed: boolean;
  score: number;
  factors: FactorExplanation[];
}

interface ScoredRow {
  id: string;
  platform: string;
  platform_listing_id: string;
  category: string;
  price_fen: string;
  brand_spec_key: string | null;
  prior: number;
  in_scope: boolean;
  platform_ok: boolean;
  r_complaints: number;
  r_priceDeviation: number | null;
  r_promotionalClaims: number;
  bad_rate: number;
  sales: number;
  r_pastFailures: number;
  r_categoryRisk: number;
  norm_median: number;
  norm_mad: number;
}

/**
 * Where the scoring statement reads its listings and its categories' norms from, by default: each
 * listing with its stored risk facts (complaints and past failures counted as they were written;
 * see the `listing_risk` migration).
 */
const STORED = {
  ctes: '',
  norms:
    'select * from jsonb_to_recordset($1::jsonb) as n(category text, median float8, mad float8, risk float8)',
  listings: `(select l.*, k.complaints, k.past_failures
    from listing l join listing_risk k on k.listing_id = l.id and k.category = l.category)`,
};

/**
 * Every factor in one place, in SQL, so a million listings are scored where they live. The same
 * statement scores a category for selection and one listing for its explanation. The factors that
 * count other records (complaints, past failures) are read as `listing_risk` keeps them, counted
 * when the listing, a signal or a failure was written: nothing here reads a signal or a failure.
 * $1 norms (jsonb), $2 city prefix, $3 province prefix, $4 delegated prefixes, $5 platforms, $6 year.
 * `from` may put CTEs first and read the norms and the listings from them (the selection does).
 */
const scoredSql = (where: string, from: typeof STORED = STORED) => `
  with ${from.ctes}
  norms as materialized (${from.norms}),
  prior as (
    select brand_spec_key, count(*)::int as n from batch
    where year = $6 and not follow_up and brand_spec_key is not null group by 1
  ),
  raw as (
    select l.id, l.platform, l.platform_listing_id, l.category, l.price_fen, l.brand_spec_key,
      coalesce(p.n, 0) as prior,
      (l.seller_area_code like $2 || '%' or l.operator_area_code like $2 || '%'
        or l.seller_area_code like $3 || '%'
        or l.seller_area_code like any (array(select d || '%' from unnest($4::text[]) d))) is true as in_scope,
      ($5::text[] is null or l.platform = any ($5::text[])) as platform_ok,
      l.complaints as "r_complaints",
      case when n.mad > 0 then (n.median - l.price_fen) / (1.4826 * n.mad) end as "r_priceDeviation",
      l.promo_hits::int as "r_promotionalClaims",
      coalesce(l.bad_rating_rate, 0)::float8 as bad_rate,
      coalesce(l.monthly_sales, 0) as sales,
      l.past_failures as "r_pastFailures",
      n.risk as "r_categoryRisk",
      n.median as norm_median,
      n.mad as norm_mad
    from ${from.listings} l
    join norms n on n.category = l.category
    left join prior p on p.brand_spec_key = l.brand_spec_key
    where ${where}
  )
  select r.*,${FACTOR_VALUES_SQL}
  from raw r`;

export interface CandidatesInput {
  category: string;
  /** The category's risk weight in the scheme. */
  risk: number;
  eligibility: Eligibility;
  weights: Required<RiskWeights>;
  priceCapFen: number;
  seed: string;
  limit: number;
}

/** The columns of `listing_risk` the scoring statement reads. */
const SCORED_COLUMNS =
  'listing_id as id, platform, platform_listing_id, category, price_fen, brand_spec_key, promo_hits, ' +
  'bad_rating_rate, monthly_sales, seller_area_code, operator_area_code, complaints, past_failures';

/**
 * The selection's statement for one category, with its parameters (the benchmark EXPLAINs it).
 * The category's risk facts are read once, from its partition of `listing_risk`, into `pool`: its
 * price norm (median and MAD of every listing of the category) and the scores come from that one
 * read, where three reads of a category spread over every page of a ten-million-listing pool cost
 * three times as much. $1 category risk, $2..$6 as the scoring statement, $7 category, $8 price cap,
 * $9 follow-up, $10 limit, $11 seed.
 */
export function candidatesQuery(input: CandidatesInput): [sql: string, params: unknown[]] {
  const e = input.eligibility;
  const scored = scoredSql('l.price_fen <= $8', {
    ctes: `pool as materialized (select ${SCORED_COLUMNS} from listing_risk where category = $7),
  pool_median as (select percentile_cont(0.5) within group (order by price_fen) as median from pool),`,
    norms: `select $7::text as category, m.median,
      (select percentile_cont(0.5) within group (order by abs(p.price_fen - m.median)) from pool p) as mad,
      $1::float8 as risk
    from pool_median m`,
    listings: 'pool',
  });
  return [
    `with scored as (
       select s.*, ${scoreSql(input.weights)} as score
       from (${scored}) s
       where s.in_scope and s.platform_ok and (s.prior < 2 or $9::boolean)
     )
     (select 'ranked' as way, * from scored order by score desc, platform, platform_listing_id limit $10)
     union all
     (select 'random' as way, * from scored order by md5($11 || ':' || platform || ':' || platform_listing_id) limit $10)`,
    [
      input.risk,
      e.cityPrefix,
      e.provincePrefix,
      e.delegatedPrefixes,
      e.platforms,
      e.year,
      input.category,
      input.priceCapFen,
      e.followUp,
      input.limit,
      input.seed,
    ],
  ];
}

/** Risk scores of listings, each factor explained, computed by PostgreSQL. */
@Injectable()
export class RiskScorer {
  /** Median and MAD of the listed prices of each category (robust to a few absurd prices). */
  async norms(
    manager: EntityManager,
    categories: ReadonlyArray<{ category: string; risk: number }>,
  ): Promise<CategoryNorm[]> {
    const rows = (await manager.query(
      `with m as (
         select category, percentile_cont(0.5) within group (order by price_fen) as median
         from listing_risk where category = any ($1::text[]) group by category
       )
       select m.category, m.median,
              percentile_cont(0.5) within group (order by abs(l.price_fen - m.median)) as mad
       from listing_risk l join m on m.category = l.category group by m.category, m.median`,
      [categories.map((c) => c.category)],
    )) as Array<{ category: string; median: number; mad: number }>;
    return categories.map((c) => {
      const found = rows.find((r) => r.category === c.category);
      return { category: c.category, median: found?.median ?? 0, mad: found?.mad ?? 0, risk: c.risk };
    });
  }

  /**
   * The top of a category by score and the first of its seeded random order, both among the
   * listings the plan may take; `limit` of each; and the category's price norm they were scored
   * against.
   */
  async candidates(
    manager: EntityManager,
    input: CandidatesInput,
  ): Promise<{ norm: CategoryNorm; ranked: ScoredListing[]; random: ScoredListing[] }> {
    // `pool` is a CTE, without statistics: the planner guesses its rows after the scope filter far
    // too low and would join the year's batches by nested loops, a pass over them per listing once
    // they hold thousands of rows. Hash joins are right at any size. (Selection runs
    // this in a transaction of its own, one per lane: the setting ends with it.)
    await manager.query('set local enable_nestloop = off');
    const rows = (await manager.query(...candidatesQuery(input))) as Array<
      ScoredRow & { way: 'ranked' | 'random' }
    >;
    // With no listing to take, the norm still belongs in the plan's record of its draw.
    const norm: CategoryNorm =
      rows.length > 0
        ? { category: input.category, median: rows[0].norm_median, mad: rows[0].norm_mad, risk: input.risk }
        : (await this.norms(manager, [{ category: input.category, risk: input.risk }]))[0];
    const toListing = (r: ScoredRow) => this.explain(r, input.weights);
    return {
      norm,
      ranked: rows.filter((r) => r.way === 'ranked').map(toListing),
      random: rows.filter((r) => r.way === 'random').map(toListing),
    };
  }

  /** One listing scored against a plan's stored norms, whether or not the plan may take it. */
  async one(
    manager: EntityManager,
    input: {
      listingId: string;
      norms: CategoryNorm[];
      eligibility: Eligibility;
      weights: Required<RiskWeights>;
    },
  ): Promise<ScoredListing | null> {
    const e = input.eligibility;
    const rows = (await manager.query(scoredSql('l.id = $7'), [
      JSON.stringify(input.norms),
      e.cityPrefix,
      e.provincePrefix,
      e.delegatedPrefixes,
      e.platforms,
      e.year,
      input.listingId,
    ])) as ScoredRow[];
    return rows.length > 0 ? this.explain(rows[0], input.weights) : null;
  }

  /**
   * Listings scored for the listing search: those matching `filter` (SQL on `l`, parameters from
   * $7 on), best first, a page of them; or, with `ids`, exactly those. Listings of a category
   * without a norm are left out (nothing to score them against).
   */
  async search(
    manager: EntityManager,
    input: {
      norms: CategoryNorm[];
      eligibility: Eligibility;
      weights: Required<RiskWeights>;
    } & ({ ids: string[] } | { filter: string; params: unknown[]; limit: number; offset: number }),
  ): Promise<ScoredListing[]> {
    const e = input.eligibility;
    const base = [
      JSON.stringify(input.norms),
      e.cityPrefix,
      e.provincePrefix,
      e.delegatedPrefixes,
      e.platforms,
      e.year,
    ];
    const rows = (
      'ids' in input
        ? await manager.query(scoredSql('l.id = any ($7::bigint[])'), [...base, input.ids])
        : await manager.query(
            `select s.* from (
               select s.*, ${scoreSql(input.weights)} as score from (${scoredSql(input.filter)}) s
             ) s order by score desc, platform, platform_listing_id
             limit $${7 + input.params.length} offset $${8 + input.params.length}`,
            [...base, ...input.params, input.limit, input.offset],
          )
    ) as ScoredRow[];
    return rows.map((r) => this.explain(r, input.weights));
  }

  private explain(r: ScoredRow, weights: Required<RiskWeights>): ScoredListing {
    const { score, factors } = explainScore(
      {
        complaints: Number(r.r_complaints),
        priceDeviation: r.r_priceDeviation === null ? null : Number(r.r_priceDeviation),
        promotionalClaims: Number(r.r_promotionalClaims),
        badRatingRate: Number(r.bad_rate),
        monthlySales: Number(r.sales),
        pastFailures: Number(r.r_pastFailures),
        categoryRisk: Number(r.r_categoryRisk),
      },
      weights,
    );
    return {
      id: String(r.id),
      platform: r.platform,
      platformListingId: r.platform_listing_id,
      category: r.category,
      priceFen: Number(r.price_fen),
      brandSpecKey: r.brand_spec_key,
      priorBatches: Number(r.prior),
      inScope: r.in_scope,
      platformAllowed: r.platform_ok,
      score,
      factors,
    };
  }
}
