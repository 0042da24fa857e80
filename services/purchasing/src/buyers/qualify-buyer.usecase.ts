import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { ErrorCode, UnprocessableError } from '@qis/domain';
import { Buyer } from '../kernel/buyer.entity';
import { BuyerView } from './buyer-view';
import type { QualifyBuyerCommand } from './qualify-buyer.command';

/** Records the signed commitment and/or training; the commitment needs both its day and its file. */
@Injectable()
export class QualifyBuyerUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async execute(actor: AuditActor, buyerId: string, command: QualifyBuyerCommand): Promise<BuyerView> {
    if ((command.commitmentSignedOn === undefined) !== (command.commitmentEvidenceId === undefined))
      throw new UnprocessableError(
        ErrorCode.unprocessable,
        'a commitment needs both its signing day and its signed file',
        {
          errors: [
            {
              field: command.commitmentSignedOn ? 'commitmentEvidenceId' : 'commitmentSignedOn',
              reasons: ['is required with the other'],
            },
          ],
        },
      );
    return this.dataSource.transaction(async (manager) => {
      const buyer = await manager.findOne(Buyer, {
        where: { id: buyerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!buyer) throw notFound('buyer', buyerId);
      const day = (iso: string): string => iso.slice(0, 10);
      if (command.commitmentSignedOn && command.commitmentEvidenceId) {
        buyer.commitmentSignedOn = day(command.commitmentSignedOn);
        buyer.commitmentEvidenceId = command.commitmentEvidenceId;
      }
      if (command.trainingCompletedOn) buyer.trainingCompletedOn = day(command.trainingCompletedOn);
      buyer.updatedAt = new Date();
      await manager.save(buyer);
      await this.audit.record(
        actor,
        { action: 'buyer.qualify', entityType: 'buyer', entityId: buyer.id, detail: { ...command } },
        manager,
      );
      return BuyerView.of(buyer);
    });
  }
}
