import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import type { AddAddressCommand } from './add-address.command';
import { AddressView } from './address-view';
import { ReceivingAddress } from './receiving-address.entity';

/** Adds a receiving address to the pool; recipient, phone and street are sealed. */
@Injectable()
export class AddAddressUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, command: AddAddressCommand): Promise<AddressView> {
    return this.dataSource.transaction(async (manager) => {
      // The id is chosen here: every identity value is bound to its row.
      const id = randomUUID();
      const address = await manager.save(
        manager.create(ReceivingAddress, {
          id,
          label: command.label,
          areaCode: command.areaCode,
          relay: command.relay,
          recipientNameEnc: this.cipher.encrypt(
            command.recipientName,
            'receiving_address.recipient_name',
            id,
          ),
          phoneEnc: this.cipher.encrypt(command.phone, 'receiving_address.phone', id),
          addressLineEnc: this.cipher.encrypt(command.addressLine, 'receiving_address.address_line', id),
          status: 'active',
          lastUsedAt: null,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'address.add',
          entityType: 'receiving-address',
          entityId: address.id,
          detail: { label: command.label, areaCode: command.areaCode, relay: command.relay },
        },
        manager,
      );
      return AddressView.of(address);
    });
  }
}
