import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { conflict, ErrorCode, UnprocessableError } from '@qis/domain';
import { RecordContractUseCase } from './contracts/record-contract.usecase';
import { assertValidLab } from './lab-problems';
import { Lab } from './lab.entity';
import { LabGatewayConfig } from '../lab-gateway.config';
import { LabView } from './lab.view';
import type { RegisterLabCommand } from './register-lab.command';

@Injectable()
export class RegisterLabUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly config: LabGatewayConfig,
    private readonly contracts: RecordContractUseCase,
  ) {}

  async execute(manager: EntityManager, cmd: RegisterLabCommand, actor: AuditActor): Promise<LabView> {
    const now = new Date();
    const lab: Lab = {
      id: randomUUID(),
      name: cmd.name,
      address: cmd.address,
      cmaNumber: cmd.cmaNumber,
      cmaExpiresOn: cmd.cmaExpiresOn,
      cnasNumber: cmd.cnasNumber ?? null,
      cnasExpiresOn: cmd.cnasExpiresOn ?? null,
      qualificationLevel: cmd.qualificationLevel,
      scopes: cmd.scopes.map((s) => ({ category: s.category, standards: [...s.standards] })),
      capacity: cmd.capacity,
      turnaroundWorkingDays: cmd.turnaroundWorkingDays,
      active: cmd.active ?? true,
      sandbox: cmd.sandbox ?? false,
      createdAt: now,
      updatedAt: now,
    };
    if (lab.sandbox && !this.config.LAB_SANDBOX_ENABLED)
      throw new UnprocessableError(
        ErrorCode.unprocessable,
        'sandbox labs need the lab sandbox (LAB_SANDBOX_ENABLED), which this gateway does not run',
        { errors: [{ field: 'sandbox', reasons: ['the lab sandbox is not enabled on this gateway'] }] },
      );
    assertValidLab(lab);
    if (await manager.findOneBy(Lab, { cmaNumber: cmd.cmaNumber }))
      throw conflict(`a lab with CMA number ${cmd.cmaNumber} is already registered`, ErrorCode.alreadyExists);
    await manager.insert(Lab, lab);
    await this.audit.record(
      actor,
      {
        action: 'lab.register',
        entityType: 'lab',
        entityId: lab.id,
        detail: { name: lab.name, cmaNumber: lab.cmaNumber },
      },
      manager,
    );
    if (cmd.contract) await this.contracts.execute(manager, lab.id, cmd.contract, actor, 'contract.');
    return LabView.of(lab);
  }
}
