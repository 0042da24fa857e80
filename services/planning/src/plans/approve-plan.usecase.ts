import { ForbiddenException, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { planStateConflict } from './plan-state.error';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';

/** Four eyes: an approver who is not the plan's author approves it (emergency plans too). */
@Injectable()
export class ApprovePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly audit: AuditService,
  ) {}

  async execute(id: string, actor: AuditActor): Promise<PlanRecord> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, id, true);
      if (plan.status !== 'submitted') throw planStateConflict(id, plan.status, ['submitted'], 'approval');
      if (plan.author === actor.actor) {
        await this.audit.record(actor, {
          action: 'plan.approve',
          entityType: 'plan',
          entityId: id,
          outcome: 'denied',
          detail: { reason: 'author' },
        });
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          message: 'the author of a plan cannot approve it: a second person must',
        });
      }
      plan.status = 'approved';
      plan.approvedBy = actor.actor;
      plan.approvedAt = new Date();
      await this.plans.saveState(manager, plan);
      await this.audit.record(actor, { action: 'plan.approve', entityType: 'plan', entityId: id }, manager);
      return plan;
    });
  }
}
