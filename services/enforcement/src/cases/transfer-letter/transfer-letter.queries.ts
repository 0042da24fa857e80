import { Injectable } from '@nestjs/common';
import { notFound, type Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { CaseTransitionsUseCase } from '../case-transitions.usecase';
import { TransferLetter } from './transfer-letter.entity';

/** A case's transfer letter, for whoever may read the case (the same jurisdiction scope). */
@Injectable()
export class TransferLetterQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseTransitionsUseCase,
  ) {}

  /** The case's latest letter, once the case is visible to the caller; 404 otherwise or without one. */
  async latest(principal: Principal, id: string): Promise<TransferLetter> {
    const found = await this.cases.load(this.dataSource.manager, principal, id);
    const letter = await this.dataSource.manager.findOne(TransferLetter, {
      where: { caseId: found.id },
      order: { createdAt: 'DESC' },
    });
    if (!letter) throw notFound('transfer letter of case', id);
    return letter;
  }
}
