import { randomInt, randomUUID } from 'node:crypto';
import { ConflictException, Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource } from 'typeorm';
import { IdentityCipher } from '../identity/identity-cipher';
import { BuyerPoolMember } from './buyer-pool-member.entity';
import { Buyer } from './buyer.entity';
import { BuyerView } from './buyer-view';
import type { RegisterBuyerCommand } from './register-buyer.command';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newPseudonym = (): string =>
  `MB-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/** Registers a buyer: identity sealed before it reaches the database; audited without it. */
@Injectable()
export class RegisterBuyerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, command: RegisterBuyerCommand): Promise<BuyerView> {
    return this.dataSource.transaction(async (manager) => {
      const pseudonym = command.pseudonym ?? newPseudonym();
      const clash = await manager
        .createQueryBuilder(Buyer, 'b')
        .where('b.user_id = :userId or b.pseudonym = :pseudonym', { userId: command.userId, pseudonym })
        .getCount();
      if (clash > 0)
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: 'a buyer with this userId or pseudonym exists',
        });
      // The id is chosen here: every identity value is bound to its row.
      const id = randomUUID();
      const buyer = await manager.save(
        manager.create(Buyer, {
          id,
          pseudonym,
          userId: command.userId,
          realNameEnc: this.cipher.encrypt(command.realName, 'buyer.real_name', id),
          idNumberEnc: this.cipher.encrypt(command.idNumber, 'buyer.id_number', id),
          phoneEnc: this.cipher.encrypt(command.phone, 'buyer.phone', id),
          status: 'active',
          commitmentSignedOn: null,
          commitmentEvidenceId: null,
          trainingCompletedOn: null,
        }),
      );
      for (const poolId of new Set(command.poolIds ?? []))
        await manager.insert(BuyerPoolMember, { poolId, buyerId: buyer.id });
      await this.audit.record(
        actor,
        {
          action: 'buyer.register',
          entityType: 'buyer',
          entityId: buyer.id,
          detail: { pseudonym, poolIds: command.poolIds ?? [] },
        },
        manager,
      );
      return BuyerView.of(buyer);
    });
  }
}
