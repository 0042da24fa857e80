import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { Buyer } from './buyer.entity';
import type { ChangeStatusCommand } from './change-status.command';
import { ShoppingAccount } from './shopping-account.entity';

/** Suspends, retires or reactivates a buyer or one shopping account; only active ones are assigned. */
@Injectable()
export class ChangeStatusUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(
    actor: AuditActor,
    target: { kind: 'buyer' | 'shopping-account'; id: string; buyerId?: string },
    command: ChangeStatusCommand,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result =
        target.kind === 'buyer'
          ? await manager.update(Buyer, target.id, { status: command.status, updatedAt: new Date() })
          : await manager.update(
              ShoppingAccount,
              { id: target.id, buyerId: target.buyerId },
              { status: command.status },
            );
      if (!result.affected) throw notFound(target.kind, target.id);
      await this.audit.record(
        actor,
        {
          action: `${target.kind}.status`,
          entityType: target.kind,
          entityId: target.id,
          detail: { status: command.status },
        },
        manager,
      );
    });
  }
}
