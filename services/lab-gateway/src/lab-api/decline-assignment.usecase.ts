import { Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../dispatch/assignment.entity';
import { DispatchSampleUseCase } from '../dispatch/dispatch-sample.usecase';
import { NoQualifiedLabError } from '../dispatch/no-qualified-lab.error';
import { shanghaiDay } from '../shared/shanghai-day';
import { AssignmentView } from './assignment.view';
import type { DeclineAssignmentCommand } from './decline-assignment.command';
import { loadOwnAssignment } from './load-own-assignment';
import { stateConflict } from './state-conflict';

/**
 * The lab declines with a reason; the sample is drawn again among the other qualified labs (never
 * one that declined it), in the same transaction.
 */
@Injectable()
export class DeclineAssignmentUseCase {
  private readonly logger = new Logger(DeclineAssignmentUseCase.name);

  constructor(
    private readonly audit: AuditService,
    private readonly dispatch: DispatchSampleUseCase,
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
    const now = new Date();
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
    const declined = await manager.findBy(Assignment, {
      batchNumber: a.batchNumber,
      purpose: a.purpose,
      status: 'declined',
    });
    const excluded = [...new Set([...a.excludedLabIds, ...declined.map((d) => d.labId)])];
    try {
      await this.dispatch.execute(
        manager,
        { ...a, excludedLabIds: excluded, preferAboveLevel: null, causationId: undefined, at: now },
        SYSTEM_ACTOR,
      );
    } catch (error) {
      if (!(error instanceof NoQualifiedLabError)) throw error;
      // The decline stands; the sample waits for an operator (alert in the log and the audit).
      this.logger.error({ batchNumber: a.batchNumber, exclusions: error.exclusions }, error.message);
      await this.audit.record(
        SYSTEM_ACTOR,
        {
          action: 'assignment.redispatch',
          entityType: 'assignment',
          entityId: id,
          outcome: 'failure',
          detail: { batchNumber: a.batchNumber, reason: error.message, exclusions: error.exclusions },
        },
        manager,
      );
    }
    return AssignmentView.of({ ...a, status: 'declined', declineReason: cmd.reason }, shanghaiDay(now));
  }
}
