import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { planStateConflict } from './plan-state.error';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';
import type { ReturnPlanCommand } from './return-plan.command';

/** An approver sends a submitted plan back to draft with a reason. */
@Injectable()
export class ReturnPlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly audit: AuditService,
  ) {}

  async execute(id: string, command: ReturnPlanCommand, actor: AuditActor): Promise<PlanRecord> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, id, true);
      if (plan.status !== 'submitted') throw planStateConflict(id, plan.status, ['submitted'], 'returning');
      plan.status = 'draft';
      plan.returnedReason = command.reason;
      plan.returnedBy = actor.actor;
      plan.returnedAt = new Date();
      await this.plans.saveState(manager, plan);
      await this.audit.record(
        actor,
        { action: 'plan.return', entityType: 'plan', entityId: id, detail: { reason: command.reason } },
        manager,
      );
      return plan;
    });
  }
}
