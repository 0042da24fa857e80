import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';
import { WaitingDispatches } from '../dispatch/waiting-dispatches';
import { shanghaiDate } from '@qis/domain';
import { AssignmentView } from './assignment.view';
import type { DeclineAssignmentCommand } from './decline-assignment.command';
import { loadOwnAssignment } from './load-own-assignment';
import { stateConflict } from './state-conflict';
import { Clock } from '../clock/clock';

/**
 * The lab declines with a reason; the sample is drawn again among the other qualified labs (never
 * one that declined it), in the same transaction; with none left it waits for a lab.
 */
@Injectable()
export class DeclineAssignmentUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly waiting: WaitingDispatches,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    id: string,
    cmd: DeclineAssignmentCommand,
    actor: AuditActor,
  ): Promise<AssignmentView> {
    const a = await loadOwnAssignment(manager, labId, id);
    if (a.status !== 'dispatched' && a.status !== 'accepted')
      throw stateConflict(`assignment ${id} is ${a.status}; it can no longer be declined`);
    const now = this.clock.now();
    await manager.update(
      Assignment,
      { id },
      { status: 'declined', declineReason: cmd.reason, updatedAt: now },
    );
    await this.audit.record(
      actor,
      {
        action: 'assignment.decline',
        entityType: 'assignment',
        entityId: id,
        detail: { reason: cmd.reason },
      },
      manager,
    );
    // A sandbox assignment is nobody else's to draw.
    if (a.sandbox)
      return AssignmentView.of({ ...a, status: 'declined', declineReason: cmd.reason }, shanghaiDate(now));
    const declined = await manager.findBy(Assignment, {
      batchNumber: a.batchNumber,
      purpose: a.purpose,
      status: 'declined',
    });
    const excluded = [...new Set([...a.excludedLabIds, ...declined.map((d) => d.labId)])];
    await this.waiting.dispatchOrWait(
      manager,
      { ...a, excludedLabIds: excluded, preferAboveLevel: null, causationId: undefined, at: now },
      SYSTEM_ACTOR,
    );
    return AssignmentView.of({ ...a, status: 'declined', declineReason: cmd.reason }, shanghaiDate(now));
  }
}
