import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { PlanningConfig } from '../planning.config';
import { PlanStore } from '../plans/plan-store';
import type { FactorExplanation } from '../scoring/factor-explanation';
import { RiskScorer } from '../scoring/risk-scorer';
import { YEARLY_LIMIT } from './pick-category';
import { planEligibility } from './plan-eligibility';
import type { ExplanationView, RuleCheckView } from './explanation.view';

/** Tells a planner why a listing was, or was not, selected by a plan. */
@Injectable()
export class ExplainListingUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly scorer: RiskScorer,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(planId: string, listingId: string): Promise<ExplanationView> {
    const manager = this.dataSource.manager;
    const plan = await this.plans.load(manager, planId);
    const listing = (await manager.query('select id, category, price_fen from listing where id = $1', [
      listingId,
    ])) as Array<{
      id: string;
      category: string | null;
      price_fen: string;
    }>;
    if (listing.length === 0) throw notFound('listing', listingId);
    if (!plan.selection) {
      throw conflict(`plan ${planId} has no selection yet`, ErrorCode.planState);
    }
    const selected = (await manager.query(
      'select way, position, score, factors from plan_selection where plan_id = $1 and listing_id = $2',
      [planId, listingId],
    )) as Array<{ way: string; position: number; score: number; factors: FactorExplanation[] }>;
    if (selected.length > 0) {
      const s = selected[0];
      return {
        planId,
        listingId,
        selected: true,
        way: s.way,
        position: s.position,
        score: s.score,
        factors: s.factors,
        checks: [],
        summary:
          s.way === 'ranked'
            ? `selected by risk rank: position ${s.position} in ${listing[0].category}, score ${s.score}`
            : `selected in the random share (seed ${plan.seed}), position ${s.position} in ${listing[0].category}`,
      };
    }
    const quota = plan.scheme.categories.find((c) => c.category === listing[0].category);
    const category = plan.selection.categories.find((c) => c.category === listing[0].category);
    if (!quota || !category) {
      const check = {
        rule: 'category',
        passed: false,
        detail: `category ${listing[0].category ?? '(none)'} is not in the plan's scheme`,
      };
      return {
        planId,
        listingId,
        selected: false,
        way: null,
        position: null,
        score: null,
        factors: [],
        checks: [check],
        summary: check.detail,
      };
    }
    const eligibility = planEligibility(plan, this.config.PLANNING_BUREAU_AREA_CODE, plan.selection.year);
    const scored = await this.scorer.one(manager, {
      listingId,
      norms: plan.selection.categories,
      eligibility,
      weights: plan.weights,
    });
    if (!scored) throw notFound('listing', listingId);
    const checks: RuleCheckView[] = [
      {
        rule: 'category',
        passed: true,
        detail: `category ${quota.category} is in the scheme (quota ${quota.quota})`,
      },
      {
        rule: 'platform',
        passed: scored.platformAllowed,
        detail: scored.platformAllowed
          ? `platform ${scored.platform} is sampled`
          : `platform ${scored.platform} is not in the plan`,
      },
      {
        rule: 'scope',
        passed: scored.inScope,
        detail: scored.inScope
          ? 'seller or platform operator registered where this bureau may sample'
          : 'neither the seller (city or province) nor the platform operator (city) is registered where this bureau may sample, and no delegated area covers it',
      },
      {
        rule: 'price-cap',
        passed: scored.priceFen <= quota.unitPriceCapFen,
        detail: `price ${scored.priceFen} fen, cap ${quota.unitPriceCapFen} fen`,
      },
      {
        rule: 'twice-a-year',
        passed: eligibility.followUp || scored.priorBatches < YEARLY_LIMIT,
        detail: eligibility.followUp
          ? 'targeted follow-up: the twice-a-year rule does not apply'
          : `${scored.priorBatches} batch(es) of this brand + spec/model issued in ${plan.selection.year} (at most ${YEARLY_LIMIT})`,
      },
    ];
    const failed = checks.find((c) => !c.passed);
    let summary: string;
    if (failed) summary = `not eligible: ${failed.detail}`;
    else {
      const belowCutoff = category.cutoffScore === null || scored.score < category.cutoffScore;
      checks.push({
        rule: 'rank',
        passed: !belowCutoff,
        detail: belowCutoff
          ? `score ${scored.score} is below the ranked cutoff ${category.cutoffScore ?? '(no ranked share)'} and the seeded random share did not draw it`
          : `score ${scored.score} reaches the cutoff ${category.cutoffScore}, but the same listing, brand + spec/model limit or budget was already used by higher picks`,
      });
      summary = `eligible but not selected: ${checks[checks.length - 1].detail}`;
    }
    return {
      planId,
      listingId,
      selected: false,
      way: null,
      position: null,
      score: scored.score,
      factors: scored.factors,
      checks,
      summary,
    };
  }
}
