import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { PlanStore } from '../plans/plan-store';
import { DelegationEvents } from './delegation-events';
import type { DelegationRecord } from './delegation-record';
import { DelegationStore } from './delegation-store';
import type { RevokeDelegationCommand } from './revoke-delegation.command';

/** Ends a delegation: recorded with who, when and why (never deleted); every batch it covered is told. */
@Injectable()
export class RevokeDelegationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlanStore,
    private readonly store: DelegationStore,
    private readonly events: DelegationEvents,
    private readonly audit: AuditService,
  ) {}

  async execute(id: string, command: RevokeDelegationCommand, actor: AuditActor): Promise<DelegationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.store.load(manager, id);
      await this.plans.load(manager, found.planId, true);
      const current = await this.store.load(manager, id);
      if (current.revokedAt)
        throw conflict(
          `delegation ${id} was revoked at ${current.revokedAt.toISOString()} by ${current.revokedBy ?? ''}`,
          ErrorCode.delegationRevoked,
        );
      await this.store.revoke(manager, id, actor.actor, new Date(), command.reason);
      const revoked = await this.store.load(manager, id);
      await this.events.publish(manager, revoked, revoked.batches);
      await this.audit.record(
        actor,
        {
          action: 'delegation.revoke',
          entityType: 'delegation',
          entityId: id,
          detail: {
            reason: command.reason,
            planId: revoked.planId,
            ...(revoked.batchNumber ? { batchNumber: revoked.batchNumber } : {}),
            batches: revoked.batches.length,
          },
        },
        manager,
      );
      return revoked;
    });
  }
}
