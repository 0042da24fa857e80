import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PlanningConfig } from '../planning.config';
import type { PlanRecord } from '../plans/plan-record';
import { PlanStore } from '../plans/plan-store';
import { RiskScorer, type CategoryNorm, type Eligibility, type ScoredListing } from '../scoring/risk-scorer';
import { DEFAULT_WEIGHTS, type RiskWeights } from '../scoring/risk-weights';
import { planEligibility } from '../selection/plan-eligibility';
import { shanghaiYear } from '@qis/domain';
import type { ListingPageView } from './listing-page.view';
import type { ListingRiskView } from './listing-risk.view';
import type { ListingSearchQuery } from './listing-search.query';
import type { ListingSummaryView } from './listing-summary.view';

interface ListingSearchRow {
  id: string;
  platform: string;
  platform_listing_id: string;
  url: string;
  title: string;
  category: string | null;
  brand: string | null;
  spec_model: string | null;
  price_fen: string;
  monthly_sales: number | null;
  seller_name: string;
  seller_credit_code: string | null;
  seller_area_code: string | null;
  observed_at: Date;
}

/** How listings are scored: as a plan would, or with the default weights and the bureau's scope. */
interface Scoring {
  plan: PlanRecord | null;
  weights: Required<RiskWeights>;
  eligibility: Eligibility;
  norms(categories: string[]): Promise<CategoryNorm[]>;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The listing search of the planning pages: filters, a page, and each listing's risk score with
 * its explanation, computed by the same statement as the selection (`RiskScorer`).
 */
@Injectable()
export class SearchListingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scorer: RiskScorer,
    private readonly plans: PlanStore,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(query: ListingSearchQuery): Promise<ListingPageView> {
    const manager = this.dataSource.manager;
    const scoring = await this.scoring(query.planId);
    const { sql: filter, params } = this.filter(query, 7);
    const offset = (query.page - 1) * query.pageSize;
    const [{ n }] = (await manager.query(
      `select count(*) as n from listing l where ${this.filter(query, 1).sql}`,
      this.filter(query, 1).params,
    )) as Array<{ n: string }>;

    let rows: ListingSearchRow[];
    let scored: Map<string, ScoredListing>;
    if (query.sort === 'score') {
      const ranked = await this.scorer.search(manager, {
        norms: await scoring.norms([query.category as string]),
        eligibility: scoring.eligibility,
        weights: scoring.weights,
        filter,
        params,
        limit: query.pageSize,
        offset,
      });
      scored = new Map(ranked.map((s) => [s.id, s]));
      const found = (await manager.query('select * from listing where id = any ($1::bigint[])', [
        ranked.map((s) => s.id),
      ])) as ListingSearchRow[];
      const byId = new Map(found.map((r) => [String(r.id), r]));
      rows = ranked.map((s) => byId.get(s.id)).filter((r): r is ListingSearchRow => r !== undefined);
    } else {
      const page = this.filter(query, 1);
      rows = (await manager.query(
        `select * from listing l where ${page.sql} order by observed_at desc, id desc
         limit $${page.params.length + 1} offset $${page.params.length + 2}`,
        [...page.params, query.pageSize, offset],
      )) as ListingSearchRow[];
      const categories = [...new Set(rows.flatMap((r) => (r.category ? [r.category] : [])))];
      const results =
        rows.length === 0
          ? []
          : await this.scorer.search(manager, {
              norms: await scoring.norms(categories),
              eligibility: scoring.eligibility,
              weights: scoring.weights,
              ids: rows.map((r) => String(r.id)),
            });
      scored = new Map(results.map((s) => [s.id, s]));
    }
    return {
      items: rows.map((r) => summary(r, scored.get(String(r.id)))),
      page: query.page,
      pageSize: query.pageSize,
      total: Number(n),
      planId: scoring.plan?.id ?? null,
      weights: scoring.weights,
    };
  }

  private async scoring(planId: string | undefined): Promise<Scoring> {
    const manager = this.dataSource.manager;
    const year = shanghaiYear(new Date());
    if (planId) {
      const plan = await this.plans.load(manager, planId);
      const risk = new Map(plan.scheme.categories.map((c) => [c.category, c.riskWeight]));
      return {
        plan,
        weights: plan.weights,
        eligibility: planEligibility(
          plan,
          this.config.PLANNING_BUREAU_AREA_CODE,
          plan.selection?.year ?? year,
        ),
        // The norms stored with the selection, as its explanations use; else as they stand now.
        norms: async (categories) => {
          const wanted = categories.filter((c) => risk.has(c));
          const stored = plan.selection?.categories ?? [];
          const missing = wanted.filter((c) => !stored.some((s) => s.category === c));
          const fresh = await this.scorer.norms(
            manager,
            missing.map((category) => ({ category, risk: risk.get(category) ?? 0 })),
          );
          return [
            ...stored
              .filter((s) => wanted.includes(s.category))
              .map(({ category, median, mad, risk: r }) => ({ category, median, mad, risk: r })),
            ...fresh,
          ];
        },
      };
    }
    const area = this.config.PLANNING_BUREAU_AREA_CODE;
    return {
      plan: null,
      weights: DEFAULT_WEIGHTS,
      eligibility: {
        cityPrefix: area.slice(0, 4),
        provincePrefix: area.slice(0, 2),
        delegatedPrefixes: [],
        platforms: null,
        year,
        followUp: false,
      },
      norms: (categories) =>
        this.scorer.norms(
          manager,
          categories.map((category) => ({ category, risk: 0 })),
        ),
    };
  }

  /** The filters as SQL on `l`, numbered from `first`. */
  private filter(query: ListingSearchQuery, first: number): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${first + params.length - 1}`;
    };
    if (query.q) {
      const p = param(likePattern(query.q));
      clauses.push(`(l.title ilike ${p} or l.seller_name ilike ${p} or l.shop_name ilike ${p})`);
    }
    if (query.platform) clauses.push(`l.platform = ${param(query.platform)}`);
    if (query.category) clauses.push(`l.category = ${param(query.category)}`);
    if (query.sellerCreditCode) clauses.push(`l.seller_credit_code = ${param(query.sellerCreditCode)}`);
    if (query.brand) clauses.push(`l.brand = ${param(query.brand)}`);
    return { sql: clauses.length > 0 ? clauses.join(' and ') : 'true', params };
  }
}

const riskView = (s: ScoredListing): ListingRiskView => ({
  score: s.score,
  factors: s.factors,
  inScope: s.inScope,
  platformAllowed: s.platformAllowed,
  priorBatches: s.priorBatches,
});

const summary = (r: ListingSearchRow, scored: ScoredListing | undefined): ListingSummaryView => ({
  id: String(r.id),
  platform: r.platform,
  listingId: r.platform_listing_id,
  url: r.url,
  title: r.title,
  category: r.category,
  brand: r.brand,
  specModel: r.spec_model,
  priceFen: Number(r.price_fen),
  monthlySales: r.monthly_sales,
  sellerName: r.seller_name,
  sellerCreditCode: r.seller_credit_code,
  sellerAreaCode: r.seller_area_code,
  observedAt: r.observed_at.toISOString(),
  risk: scored ? riskView(scored) : null,
});
