import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { planStateConflict } from './plan-state.error';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';

@Injectable()
export class SubmitPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly audit: AuditService,
  ) {}

  async execute(id: string, actor: AuditActor): Promise<PlanRecord> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, id, true);
      if (plan.status !== 'draft') throw planStateConflict(id, plan.status, ['draft'], 'submitting');
      plan.status = 'submitted';
      plan.submittedAt = new Date();
      plan.submittedBy = actor.actor;
      // Out of the "returned" queue; the audit log keeps who sent it back and why.
      plan.returnedReason = null;
      plan.returnedBy = null;
      plan.returnedAt = null;
      await this.plans.saveState(manager, plan);
      await this.audit.record(
        actor,
        {
          action: 'plan.submit',
          entityType: 'plan',
          entityId: id,
          detail: { fastTrack: plan.kind === 'emergency' },
        },
        manager,
      );
      return plan;
    });
  }
}
