import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { FourEyesError } from './four-eyes.error';
import { planStateConflict } from './plan-state.error';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';

/** Four eyes: an approver who is neither the plan's author nor its submitter approves it (emergency plans too). */
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
      const as =
        plan.author === actor.actor ? 'author' : plan.submittedBy === actor.actor ? 'submitter' : null;
      if (as) {
        // Outside the transaction, which the refusal rolls back.
        await this.audit.record(actor, {
          action: 'plan.approve',
          entityType: 'plan',
          entityId: id,
          outcome: 'denied',
          detail: { reason: as, rule: 'four-eyes' },
        });
        throw new FourEyesError(actor.actor, id, as);
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
