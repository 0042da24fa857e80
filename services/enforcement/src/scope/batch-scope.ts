import { Injectable } from '@nestjs/common';
import { jurisdictionCovers, notFound, queryScope, type Principal, type Role } from '@qis/auth';
import type { OrderPlacedValue } from '@qis/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../kernel/clock';
import { DelegationBook } from '../delegations/delegation-book';
import { CaseRouter } from '../routing/case-router';

/** Staff who see every batch of the bureau; an officer sees only their jurisdiction's. */
export const BATCH_READERS_UNRESTRICTED: readonly Role[] = ['planner', 'approver', 'auditor', 'admin'];

/**
 * Which batches an enforcement officer may see and act on, for every officer route of the service.
 * A batch with a case belongs to the case's area (a district officer sees their district, a city
 * officer every district under it). A batch with no case yet (notices, delivery, objections,
 * re-inspection, triage) is the sampling bureau's own business (谁抽检谁负责): officers whose
 * jurisdiction covers the bureau's city (`homeAreaCode`) see it, and the officers of the district
 * the routing rules would hand it to (the district desk follows its batches from the result notice
 * on: delivery, objections); a batch routing cannot place (triage) stays the city's. A batch the
 * city delegated to a district (一事一委托) is that district's too while the delegation is in force.
 * Outside: the same 404 as for an unknown id.
 */
@Injectable()
export class BatchScope {
  constructor(
    private readonly dataSource: DataSource,
    private readonly router: CaseRouter,
    private readonly delegations: DelegationBook,
    private readonly clock: Clock,
  ) {}

  /** Throws the 404 of `entity` `id` unless `principal` may see `batchNumber`. */
  async assertVisible(
    principal: Principal,
    batchNumber: string,
    entity: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const visible = await this.visible(principal, [batchNumber], manager);
    if (!visible.has(batchNumber)) throw notFound(entity, id);
  }

  /** The batches of `batchNumbers` that `principal` may see. */
  async visible(
    principal: Principal,
    batchNumbers: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const scope = queryScope(principal, 'jurisdiction', BATCH_READERS_UNRESTRICTED);
    if (scope.kind === 'all') return new Set(batchNumbers);
    if (scope.kind === 'none' || batchNumbers.length === 0) return new Set();
    const rows: Array<{ batch_number: string; area_code: string }> = await manager.query(
      `select batch_number, area_code from enforcement_case where batch_number = any($1::text[])`,
      [[...new Set(batchNumbers)]],
    );
    const areas = new Map<string, string[]>();
    for (const r of rows) areas.set(r.batch_number, [...(areas.get(r.batch_number) ?? []), r.area_code]);
    const home = jurisdictionCovers(scope.value, this.router.homeAreaCode);
    const prospective = home
      ? new Map<string, string>()
      : await this.prospectiveAreas(
          batchNumbers.filter((b) => !areas.has(b)),
          manager,
        );
    const delegated = await this.delegations.delegatedAreas(batchNumbers, this.clock.now(), manager);
    return new Set(
      batchNumbers.filter((b) => {
        const area = delegated.get(b);
        if (area !== undefined && jurisdictionCovers(scope.value, area)) return true;
        const routed = areas.get(b);
        if (routed) return routed.some((code) => jurisdictionCovers(scope.value, code));
        const prospect = prospective.get(b);
        return home || (prospect !== undefined && jurisdictionCovers(scope.value, prospect));
      }),
    );
  }

  /** The district each unrouted batch would be routed to within the home city, by its order facts. */
  private async prospectiveAreas(
    batchNumbers: string[],
    manager: EntityManager,
  ): Promise<Map<string, string>> {
    const areas = new Map<string, string>();
    if (batchNumbers.length === 0) return areas;
    const rows: Array<{ batch_number: string; order_facts: OrderPlacedValue | null }> = await manager.query(
      `select batch_number, order_facts from enforcement_batch where batch_number = any($1::text[])`,
      [[...new Set(batchNumbers)]],
    );
    for (const { batch_number, order_facts: order } of rows) {
      if (!order) continue;
      const decision = this.router.route({
        seller: order.seller,
        ...(order.platform ? { platform: order.platform } : {}),
      });
      if (decision.kind === 'routed' && decision.rule !== 'out-of-area')
        areas.set(batch_number, decision.authority.areaCode);
    }
    return areas;
  }
}
