import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { planStateConflict } from './plan-state.error';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';

@Injectable()
export class ClosePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly audit: AuditService,
  ) {}

  async execute(id: string, actor: AuditActor): Promise<PlanRecord> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plans.load(manager, id, true);
      if (plan.status !== 'active') throw planStateConflict(id, plan.status, ['active'], 'closing');
      plan.status = 'closed';
      plan.closedAt = new Date();
      await this.plans.saveState(manager, plan);
      await this.audit.record(actor, { action: 'plan.close', entityType: 'plan', entityId: id }, manager);
      return plan;
    });
  }
}
