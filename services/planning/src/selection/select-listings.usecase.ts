import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { PlanningConfig } from '../planning.config';
import type { CategorySelection } from '../plans/plan-record';
import { planStateConflict } from '../plans/plan-state.error';
import { PlanStore } from '../plans/plan-store';
import { RiskScorer } from '../scoring/risk-scorer';
import { shanghaiYear } from '@qis/domain';
import { pickCategory, type PickState } from './pick-category';
import { planEligibility } from './plan-eligibility';
import { SelectionStore, type SelectionRow } from './selection-store';
import { onSharedSnapshot } from './snapshot-lanes';
import type { SelectionView } from './selection.view';

const SELECTABLE = ['draft', 'submitted', 'approved'] as const;

/**
 * Scores and selects a plan's listings: per category quota, ranked by score, with the plan's seeded
 * random share, within the scope rule, price caps, budget and the twice-a-year rule. Running it
 * again on the same listings with the same seed gives the same selection.
 */
@Injectable()
export class SelectListingsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly scorer: RiskScorer,
    private readonly selections: SelectionStore,
    private readonly audit: AuditService,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(planId: string, actor: AuditActor): Promise<SelectionView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, planId, true);
      if (!(SELECTABLE as readonly string[]).includes(plan.status)) {
        throw planStateConflict(planId, plan.status, SELECTABLE, 'selection');
      }
      const now = new Date();
      const year = shanghaiYear(now);
      const eligibility = planEligibility(plan, this.config.PLANNING_BUREAU_AREA_CODE, year);
      // Each category's norm and candidates (one read of its listings), scored on
      // PLANNING_SELECTION_CONNECTIONS connections at once, all reading this transaction's snapshot.
      const scored = await onSharedSnapshot(
        this.dataSource,
        manager,
        this.config.PLANNING_SELECTION_CONNECTIONS,
        plan.scheme.categories,
        async (lane, quota) => {
          await lane.query(
            `set local statement_timeout = ${this.config.PLANNING_SELECTION_STATEMENT_TIMEOUT_MS}`,
          );
          return this.scorer.candidates(lane, {
            category: quota.category,
            risk: quota.riskWeight,
            eligibility,
            weights: plan.weights,
            priceCapFen: quota.unitPriceCapFen,
            seed: plan.seed,
            limit: quota.quota * 3 + 10,
          });
        },
      );
      const state: PickState = {
        listings: new Set(),
        brandSpecCounts: new Map(),
        budgetLeftFen: plan.scheme.budgetFen,
      };
      const rows: SelectionRow[] = [];
      const summary: CategorySelection[] = [];
      for (const [i, quota] of plan.scheme.categories.entries()) {
        const { norm, ranked, random } = scored[i];
        const picks = pickCategory(
          {
            quota: quota.quota,
            randomShare: plan.randomShare,
            unitsPerBatch: quota.testUnits + quota.backupUnits,
            followUp: plan.kind === 'follow-up',
            ranked,
            random,
          },
          state,
        );
        picks.forEach((p, position) =>
          rows.push({
            listingId: p.listing.id,
            category: quota.category,
            position: position + 1,
            way: p.way,
            score: p.listing.score,
            factors: p.listing.factors,
            brandSpecKey: p.listing.brandSpecKey,
          }),
        );
        const rankedScores = picks.filter((p) => p.way === 'ranked').map((p) => p.listing.score);
        summary.push({
          ...norm,
          quota: quota.quota,
          ranked: rankedScores.length,
          random: picks.length - rankedScores.length,
          cutoffScore: rankedScores.length > 0 ? Math.min(...rankedScores) : null,
        });
      }
      await this.selections.replace(manager, planId, rows);
      plan.selection = { year, categories: summary, spentFen: plan.scheme.budgetFen - state.budgetLeftFen };
      plan.selectedAt = now;
      await this.plans.saveState(manager, plan);
      await this.audit.record(
        actor,
        {
          action: 'plan.select',
          entityType: 'plan',
          entityId: planId,
          detail: { seed: plan.seed, selected: rows.length, year },
        },
        manager,
      );
      return {
        planId,
        seed: plan.seed,
        year,
        spentFen: plan.selection.spentFen,
        categories: summary,
        listings: await this.selections.list(manager, planId),
      };
    });
  }
}
