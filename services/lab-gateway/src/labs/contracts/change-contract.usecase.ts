import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import type { EntityManager } from 'typeorm';
import { conflict, ErrorCode } from '@qis/domain';
import { Clock } from '../../clock/clock';
import type { AmendContractCommand } from './amend-contract.command';
import { currentContracts, lockLab, storeVersion } from './contract-versions';
import type { ContractView } from './contract.view';
import type { EndContractCommand } from './end-contract.command';
import type { LabContract } from './lab-contract.entity';

/**
 * Amends a contract (a supplementary agreement) or ends it early: either is the next version of
 * the contract, kept beside the earlier ones. An ended contract is not changed again.
 */
@Injectable()
export class ChangeContractUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async amend(
    manager: EntityManager,
    labId: string,
    contractId: string,
    cmd: AmendContractCommand,
    actor: AuditActor,
  ): Promise<ContractView> {
    const { reason, categories, documentId, ...terms } = cmd;
    return this.next(manager, labId, contractId, actor, (c) => ({
      ...c,
      ...Object.fromEntries(Object.entries(terms).filter(([, v]) => v !== undefined)),
      ...(categories ? { categories: categories.map((k) => ({ ...k })) } : {}),
      ...(documentId !== undefined ? { documentId } : {}),
      change: 'amended',
      reason,
    }));
  }

  async end(
    manager: EntityManager,
    labId: string,
    contractId: string,
    cmd: EndContractCommand,
    actor: AuditActor,
  ): Promise<ContractView> {
    return this.next(manager, labId, contractId, actor, (c) => ({
      ...c,
      endedOn: cmd.endedOn,
      change: 'ended',
      reason: cmd.reason,
    }));
  }

  private async next(
    manager: EntityManager,
    labId: string,
    contractId: string,
    actor: AuditActor,
    change: (current: LabContract) => LabContract,
  ): Promise<ContractView> {
    await lockLab(manager, labId);
    const current = (await currentContracts(manager, [labId])).find((c) => c.id === contractId);
    if (!current) throw notFound('contract', contractId);
    if (current.change === 'ended')
      throw conflict(
        `contract ${current.contractNumber} was ended on ${current.endedOn ?? current.validTo}`,
        ErrorCode.contractEnded,
      );
    return storeVersion(
      manager,
      this.audit,
      {
        ...change(current),
        version: current.version + 1,
        recordedAt: this.clock.now(),
        recordedBy: actor.actor,
      },
      actor,
    );
  }
}
