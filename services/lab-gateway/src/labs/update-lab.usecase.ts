import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { conflict, ErrorCode } from '@qis/domain';
import { Not, type EntityManager } from 'typeorm';
import { assertValidLab } from './lab-problems';
import { Lab } from './lab.entity';
import { LabView } from './lab.view';
import type { UpdateLabCommand } from './update-lab.command';

@Injectable()
export class UpdateLabUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(
    manager: EntityManager,
    id: string,
    cmd: UpdateLabCommand,
    actor: AuditActor,
  ): Promise<LabView> {
    const lab = await manager.findOne(Lab, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!lab) throw notFound('lab', id);
    const next: Lab = {
      ...lab,
      ...stripUndefined(cmd),
      scopes: cmd.scopes
        ? cmd.scopes.map((s) => ({ category: s.category, standards: [...s.standards] }))
        : lab.scopes,
      updatedAt: new Date(),
    };
    assertValidLab(next);
    // A CMA certificate belongs to one lab (found by fuzzing: taking another's was a 500).
    if (
      next.cmaNumber !== lab.cmaNumber &&
      (await manager.findOneBy(Lab, { cmaNumber: next.cmaNumber, id: Not(id) }))
    )
      throw conflict(
        `a lab with CMA number ${next.cmaNumber} is already registered`,
        ErrorCode.alreadyExists,
      );
    await manager.save(Lab, next);
    await this.audit.record(
      actor,
      {
        action: 'lab.update',
        entityType: 'lab',
        entityId: id,
        detail: { changed: Object.keys(stripUndefined(cmd)) },
      },
      manager,
    );
    return LabView.of(next);
  }
}

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
