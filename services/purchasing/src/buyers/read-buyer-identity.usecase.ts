import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import { Buyer } from '../kernel/buyer.entity';
import type { BuyerIdentityView } from './buyer-identity-view';

/**
 * The one place a real identity is decrypted for a person; the read is audited in the same
 * transaction, with the reason stated for it (the console's reveal always states one).
 */
@Injectable()
export class ReadBuyerIdentityUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, buyerId: string, reason?: string): Promise<BuyerIdentityView> {
    return this.dataSource.transaction(async (manager) => {
      const buyer = await manager.findOneBy(Buyer, { id: buyerId });
      if (!buyer) throw notFound('buyer', buyerId);
      await this.audit.record(
        actor,
        {
          action: 'buyer.identity.read',
          entityType: 'buyer',
          entityId: buyer.id,
          ...(reason ? { detail: { reason } } : {}),
        },
        manager,
      );
      return {
        id: buyer.id,
        pseudonym: buyer.pseudonym,
        realName: this.cipher.decrypt(buyer.realNameEnc, 'buyer.real_name', buyer.id),
        idNumber: this.cipher.decrypt(buyer.idNumberEnc, 'buyer.id_number', buyer.id),
        phone: this.cipher.decrypt(buyer.phoneEnc, 'buyer.phone', buyer.id),
      };
    });
  }
}
