import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';
import { shanghaiDate } from '@qis/domain';
import { AssignmentView } from './assignment.view';
import { loadOwnAssignment } from './load-own-assignment';
import type { ReportProgressCommand } from './report-progress.command';
import { stateConflict } from './state-conflict';
import { Clock } from '../clock/clock';

/** A progress update on an accepted assignment. */
@Injectable()
export class ReportProgressUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    id: string,
    cmd: ReportProgressCommand,
    actor: AuditActor,
  ): Promise<AssignmentView> {
    const assignment = await loadOwnAssignment(manager, labId, id);
    if (assignment.status !== 'accepted' && assignment.status !== 'in-progress')
      throw stateConflict(`assignment ${id} is ${assignment.status}; accept it before reporting progress`);
    const now = this.clock.now();
    const progress = [
      ...assignment.progress,
      { stage: cmd.stage, note: cmd.note ?? null, at: now.toISOString() },
    ];
    await manager.update(Assignment, { id }, { status: 'in-progress', progress, updatedAt: now });
    await this.audit.record(
      actor,
      { action: 'assignment.progress', entityType: 'assignment', entityId: id, detail: { stage: cmd.stage } },
      manager,
    );
    return AssignmentView.of({ ...assignment, status: 'in-progress', progress }, shanghaiDate(now));
  }
}
