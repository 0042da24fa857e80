import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import type { AddShoppingAccountCommand } from './add-shopping-account.command';
import { Buyer } from '../kernel/buyer.entity';
import { ShoppingAccount } from '../kernel/shopping-account.entity';
import { ShoppingAccountView } from './shopping-account-view';

/** A buyer's account on one platform; the name is sealed like the identity. */
@Injectable()
export class AddShoppingAccountUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly audit: AuditService,
  ) {}

  async execute(
    actor: AuditActor,
    buyerId: string,
    command: AddShoppingAccountCommand,
  ): Promise<ShoppingAccountView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Buyer, { id: buyerId }))) throw notFound('buyer', buyerId);
      // The id is chosen here: the account name is bound to its row.
      const id = randomUUID();
      const account = await manager.save(
        manager.create(ShoppingAccount, {
          id,
          buyerId,
          platform: command.platform,
          alias: command.alias,
          accountNameEnc: this.cipher.encrypt(command.accountName, 'shopping_account.account_name', id),
          status: 'active',
          lastUsedAt: null,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'account.add',
          entityType: 'shopping-account',
          entityId: account.id,
          detail: { buyerId, platform: command.platform, alias: command.alias },
        },
        manager,
      );
      return ShoppingAccountView.of(account);
    });
  }
}
