import { Inject, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { BatchIssued, type BatchIssuedValue, type SellerEntityType } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, ErrorCode, shanghaiDate, shanghaiEndOfDayAfter, shanghaiYear } from '@qis/domain';
import { DelegationEvents } from '../delegations/delegation-events';
import { PlanningConfig } from '../planning.config';
import type { PlanRecord } from '../plans/plan-record';
import { planStateConflict } from '../plans/plan-state.error';
import { PlanStore } from '../plans/plan-store';
import { YEARLY_LIMIT } from '../selection/pick-category';
import { formatBatchNumber } from './batch-number';
import { BatchNumberCounter } from './batch-number-counter';
import type { IssuedBatchView } from './issued-batch.view';

interface SelectedRow {
  listing_id: string;
  category: string;
  brand_spec_key: string | null;
  platform: string;
  platform_listing_id: string;
  url: string;
  title: string;
  shop_name: string;
  shop_url: string;
  seller_name: string;
  seller_entity_type: SellerEntityType;
  seller_credit_code: string | null;
  seller_area_code: string | null;
  seller_address: string | null;
}

/**
 * Issues an approved plan's selection: one batch, one number per listing, numbers gapless per
 * bureau and year, and `planning.batch-issued` for each through the outbox, all in one transaction.
 */
@Injectable()
export class IssueBatchesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly counter: BatchNumberCounter,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly delegations: DelegationEvents,
    @Inject(PlanningConfig) private readonly config: PlanningConfig,
  ) {}

  async execute(planId: string, actor: AuditActor): Promise<IssuedBatchView[]> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, planId, true);
      if (plan.status !== 'approved') throw planStateConflict(planId, plan.status, ['approved'], 'issuing');
      const selected = (await manager.query(
        `select s.listing_id, s.category, s.brand_spec_key, l.platform, l.platform_listing_id, l.url, l.title,
                l.shop_name, l.shop_url, l.seller_name, l.seller_entity_type, l.seller_credit_code,
                l.seller_area_code, l.seller_address
         from plan_selection s join listing l on l.id = s.listing_id
         where s.plan_id = $1 order by s.category, s.position`,
        [planId],
      )) as SelectedRow[];
      if (selected.length === 0) {
        throw conflict(
          `plan ${planId} has no selected listings: run the selection first`,
          ErrorCode.planState,
        );
      }
      const issuedAt = new Date();
      const year = shanghaiYear(issuedAt);
      // The counter lock serialises issuance per bureau and year, so the yearly counts below are current.
      const first = await this.counter.reserve(
        manager,
        this.config.PLANNING_BUREAU_CODE,
        year,
        selected.length,
      );
      if (plan.kind !== 'follow-up') await this.checkYearlyLimit(manager, selected, year);

      const batches = selected.map((s, i) => ({
        ...s,
        batchNumber: formatBatchNumber(this.config.PLANNING_BUREAU_CODE, year, first + i),
      }));
      await manager.query(
        `insert into batch (batch_number, plan_id, listing_id, category, brand_spec_key, year, follow_up, issued_at)
         select u.batch_number, $1, u.listing_id, u.category, u.brand_spec_key, $2, $3, $4
         from unnest($5::text[], $6::bigint[], $7::text[], $8::text[]) as u(batch_number, listing_id, category, brand_spec_key)`,
        [
          planId,
          year,
          plan.kind === 'follow-up',
          issuedAt,
          batches.map((b) => b.batchNumber),
          batches.map((b) => b.listing_id),
          batches.map((b) => b.category),
          batches.map((b) => b.brand_spec_key),
        ],
      );
      await this.outbox.publish(
        manager,
        batches.map((b) => ({
          contract: BatchIssued,
          key: b.batchNumber,
          value: this.event(plan, b, issuedAt),
        })),
      );
      await this.delegations.forIssuedBatches(
        manager,
        planId,
        batches.map((b) => b.batchNumber),
        shanghaiDate(issuedAt),
      );
      plan.status = 'active';
      plan.issuedAt = issuedAt;
      await this.plans.saveState(manager, plan);
      await this.audit.record(
        actor,
        {
          action: 'plan.issue',
          entityType: 'plan',
          entityId: planId,
          detail: {
            batches: batches.length,
            first: batches[0].batchNumber,
            last: batches[batches.length - 1].batchNumber,
          },
        },
        manager,
      );
      return batches.map((b) => ({
        batchNumber: b.batchNumber,
        listingId: String(b.listing_id),
        category: b.category,
        platform: b.platform,
        platformListingId: b.platform_listing_id,
        issuedAt: issuedAt.toISOString(),
      }));
    });
  }

  /** Another plan may have issued the same brand + spec/model since this one was selected. */
  private async checkYearlyLimit(
    manager: EntityManager,
    selected: readonly SelectedRow[],
    year: number,
  ): Promise<void> {
    const keys = selected.map((s) => s.brand_spec_key).filter((k): k is string => k !== null);
    if (keys.length === 0) return;
    const prior = (await manager.query(
      `select brand_spec_key, count(*)::int as n from batch
       where year = $1 and not follow_up and brand_spec_key = any ($2::text[]) group by 1`,
      [year, keys],
    )) as Array<{ brand_spec_key: string; n: number }>;
    const counts = new Map(prior.map((p) => [p.brand_spec_key, p.n]));
    for (const s of selected) {
      if (!s.brand_spec_key) continue;
      const n = (counts.get(s.brand_spec_key) ?? 0) + 1;
      counts.set(s.brand_spec_key, n);
      if (n > YEARLY_LIMIT) {
        throw conflict(
          `listing ${s.platform}/${s.platform_listing_id}: its brand + spec/model would be sampled a third time in ${year}; run the selection again`,
          ErrorCode.twiceAYear,
        );
      }
    }
  }

  private event(
    plan: PlanRecord,
    b: SelectedRow & { batchNumber: string },
    issuedAt: Date,
  ): BatchIssuedValue {
    const quota = plan.scheme.categories.find((c) => c.category === b.category);
    if (!quota) throw new Error(`plan ${plan.id} selected category ${b.category} outside its scheme`);
    return {
      batchNumber: b.batchNumber,
      planId: plan.id,
      planKind: plan.kind,
      ...(plan.followUpOf ? { followUpOf: plan.followUpOf } : {}),
      category: b.category,
      platform: b.platform,
      listing: { platformListingId: b.platform_listing_id, url: b.url, title: b.title },
      seller: {
        name: b.seller_name,
        entityType: b.seller_entity_type,
        ...(b.seller_credit_code ? { unifiedSocialCreditCode: b.seller_credit_code } : {}),
        ...(b.seller_area_code ? { registeredAreaCode: b.seller_area_code } : {}),
        ...(b.seller_address ? { registeredAddress: b.seller_address } : {}),
        shopName: b.shop_name,
        shopUrl: b.shop_url,
      },
      quantity: { testUnits: quota.testUnits, backupUnits: quota.backupUnits },
      unitPriceCapFen: quota.unitPriceCapFen,
      ...(plan.scheme.buyerPoolIds?.[0] ? { buyerPoolId: plan.scheme.buyerPoolIds[0] } : {}),
      testStandards: quota.testStandards,
      purchaseDueAt: shanghaiEndOfDayAfter(issuedAt, plan.scheme.purchaseWithinDays ?? 7).toISOString(),
      issuedAt: issuedAt.toISOString(),
    };
  }
}
