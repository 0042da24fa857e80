import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';
import { shanghaiDay } from '../shared/shanghai-day';
import { AssignmentView } from './assignment.view';
import { loadOwnAssignment } from './load-own-assignment';
import { stateConflict } from './state-conflict';

/** The lab takes the sample on (承接). */
@Injectable()
export class AcceptAssignmentUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    id: string,
    actor: AuditActor,
  ): Promise<AssignmentView> {
    const assignment = await loadOwnAssignment(manager, labId, id);
    if (assignment.status !== 'dispatched')
      throw stateConflict(
        `assignment ${id} is ${assignment.status}; only a dispatched assignment can be accepted`,
      );
    const now = new Date();
    await manager.update(Assignment, { id }, { status: 'accepted', updatedAt: now });
    await this.audit.record(
      actor,
      { action: 'assignment.accept', entityType: 'assignment', entityId: id },
      manager,
    );
    return AssignmentView.of({ ...assignment, status: 'accepted', updatedAt: now }, shanghaiDay(now));
  }
}
