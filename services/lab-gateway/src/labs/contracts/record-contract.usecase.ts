import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { Clock } from '../../clock/clock';
import { storeVersion } from './contract-versions';
import type { ContractView } from './contract.view';
import { LabContract } from './lab-contract.entity';
import type { RecordContractCommand } from './record-contract.command';

/** Records a lab's signed entrustment contract (version 1). */
@Injectable()
export class RecordContractUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string,
    cmd: RecordContractCommand,
    actor: AuditActor,
    /** Where the contract sits in the request body, for the fields named in a 422 (registration: `contract.`). */
    fieldPrefix = '',
  ): Promise<ContractView> {
    if (await manager.findOneBy(LabContract, { contractNumber: cmd.contractNumber }))
      throw conflict(
        `a contract numbered ${cmd.contractNumber} is already on record`,
        ErrorCode.alreadyExists,
      );
    return storeVersion(
      manager,
      this.audit,
      {
        id: randomUUID(),
        version: 1,
        labId,
        contractNumber: cmd.contractNumber,
        validFrom: cmd.validFrom,
        validTo: cmd.validTo,
        endedOn: null,
        turnaroundWorkingDays: cmd.turnaroundWorkingDays,
        categories: cmd.categories.map((k) => ({ ...k })),
        documentId: cmd.documentId ?? null,
        change: 'recorded',
        reason: null,
        recordedAt: this.clock.now(),
        recordedBy: actor.actor,
      },
      actor,
      fieldPrefix,
    );
  }
}
