import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { DataSource, QueryFailedError } from 'typeorm';
import { conflict, ConflictError, ErrorCode } from '@qis/domain';
import { BlindIndex } from '../identity/blind-index';
import { IdentityCipher } from '../identity/identity-cipher';
import { BuyerPoolMember } from './buyer-pool-member.entity';
import { Buyer } from '../kernel/buyer.entity';
import { BuyerView } from './buyer-view';
import type { RegisterBuyerCommand } from './register-buyer.command';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newPseudonym = (): string =>
  `MB-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

/** Names the field, never the number. */
const idNumberTaken = (): ConflictError =>
  conflict('idNumber: a buyer with this ID number is already registered', ErrorCode.alreadyExists, {
    errors: [{ field: 'idNumber', reasons: ['a buyer with this ID number is already registered'] }],
  });

const isIdNumberIndexClash = (error: unknown): boolean =>
  error instanceof QueryFailedError &&
  (error.driverError as { code?: string; constraint?: string }).code === '23505' &&
  (error.driverError as { constraint?: string }).constraint === 'buyer_id_number_index';

/** Registers a buyer: identity sealed before it reaches the database; audited without it. */
@Injectable()
export class RegisterBuyerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: IdentityCipher,
    private readonly index: BlindIndex,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, command: RegisterBuyerCommand): Promise<BuyerView> {
    try {
      return await this.register(actor, command);
    } catch (error) {
      // Two registrations of the same person at once: the unique index decides.
      if (isIdNumberIndexClash(error)) throw idNumberTaken();
      throw error;
    }
  }

  private async register(actor: AuditActor, command: RegisterBuyerCommand): Promise<BuyerView> {
    const idNumberIndex = this.index.idNumber(command.idNumber);
    return this.dataSource.transaction(async (manager) => {
      const pseudonym = command.pseudonym ?? newPseudonym();
      const clash = await manager
        .createQueryBuilder(Buyer, 'b')
        .where('b.user_id = :userId or b.pseudonym = :pseudonym', { userId: command.userId, pseudonym })
        .getCount();
      if (clash > 0) throw conflict('a buyer with this userId or pseudonym exists', ErrorCode.alreadyExists);
      if (await manager.existsBy(Buyer, { idNumberIndex })) throw idNumberTaken();
      // The id is chosen here: every identity value is bound to its row.
      const id = randomUUID();
      const buyer = await manager.save(
        manager.create(Buyer, {
          id,
          pseudonym,
          userId: command.userId,
          realNameEnc: this.cipher.encrypt(command.realName, 'buyer.real_name', id),
          idNumberEnc: this.cipher.encrypt(command.idNumber, 'buyer.id_number', id),
          idNumberIndex,
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
