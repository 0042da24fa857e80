import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { withDefaults } from '../scoring/risk-weights';
import { unprocessable } from '@qis/domain';
import type { CreatePlanCommand } from './create-plan.command';
import type { PlanRecord } from './plan-record';
import { PlanStore } from './plan-store';

@Injectable()
export class CreatePlanUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly audit: AuditService,
  ) {}

  async execute(command: CreatePlanCommand, actor: AuditActor): Promise<PlanRecord> {
    const categories = command.scheme.categories.map((c) => c.category);
    const repeated = categories.find((c, i) => categories.indexOf(c) !== i);
    if (repeated) throw unprocessable('scheme.categories', `category ${repeated} is listed twice`);
    return this.dataSource.transaction(async (manager) => {
      if (command.followUpOf) {
        const failed = (await manager.query('select 1 from past_failure where batch_number = $1', [
          command.followUpOf,
        ])) as unknown[];
        if (failed.length === 0) {
          throw unprocessable(
            'followUpOf',
            `no final failed result is known for batch ${command.followUpOf}`,
          );
        }
      }
      const plan: PlanRecord = {
        id: randomUUID(),
        kind: command.kind,
        title: command.title,
        status: 'draft',
        scheme: command.scheme,
        weights: withDefaults(command.weights),
        randomShare: command.randomShare,
        seed: command.seed ?? randomBytes(8).toString('hex'),
        emergencyTrigger: command.emergencyTrigger ?? null,
        emergencyEvidence: command.emergencyEvidence ?? null,
        followUpOf: command.followUpOf ?? null,
        author: actor.actor,
        submittedAt: null,
        submittedBy: null,
        approvedBy: null,
        approvedAt: null,
        returnedReason: null,
        returnedBy: null,
        returnedAt: null,
        selection: null,
        selectedAt: null,
        issuedAt: null,
        closedAt: null,
        createdAt: new Date(),
      };
      await this.plans.insert(manager, plan);
      await this.audit.record(
        actor,
        {
          action: 'plan.create',
          entityType: 'plan',
          entityId: plan.id,
          detail: { kind: plan.kind, seed: plan.seed },
        },
        manager,
      );
      return plan;
    });
  }
}
