import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { ReceivingAddress } from '../addresses/receiving-address.entity';
import { ShoppingAccount } from '../kernel/shopping-account.entity';
import { IdentityCipher } from '../identity/identity-cipher';
import type { DeliveryView } from './delivery-view';
import { TaskFinder } from './task-finder';

/** The assigned buyer (or an admin) reads the account and address to order with; audited. */
@Injectable()
export class ReadDeliveryUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly cipher: IdentityCipher,
    private readonly audit: AuditService,
  ) {}

  async execute(principal: Principal, actor: AuditActor, batchNumber: string): Promise<DeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber);
      if (!task.accountId || !task.addressId || task.status === 'shipped')
        throw conflict(`task is ${task.status}: no delivery instructions`, ErrorCode.taskState);
      const account = await manager.findOneByOrFail(ShoppingAccount, { id: task.accountId });
      const address = await manager.findOneByOrFail(ReceivingAddress, { id: task.addressId });
      await this.audit.record(
        actor,
        {
          action: 'task.delivery.read',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: { accountId: account.id, addressId: address.id },
        },
        manager,
      );
      return {
        platform: account.platform,
        accountAlias: account.alias,
        accountName: this.cipher.decrypt(account.accountNameEnc, 'shopping_account.account_name', account.id),
        recipientName: this.cipher.decrypt(
          address.recipientNameEnc,
          'receiving_address.recipient_name',
          address.id,
        ),
        phone: this.cipher.decrypt(address.phoneEnc, 'receiving_address.phone', address.id),
        addressLine: this.cipher.decrypt(
          address.addressLineEnc,
          'receiving_address.address_line',
          address.id,
        ),
        areaCode: address.areaCode,
        relay: address.relay,
      };
    });
  }
}
