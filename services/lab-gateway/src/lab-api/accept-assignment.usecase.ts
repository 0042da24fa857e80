import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { ASSIGNMENT_VIEW_COLUMNS, assignmentViewOfRow } from '../dispatch/assignment-row';
import { shanghaiDate } from '@qis/domain';
import { AssignmentView } from './assignment.view';
import { loadOwnAssignment } from './load-own-assignment';
import { stateConflict } from './state-conflict';
import { Clock } from '../clock/clock';

/** The lab takes the sample on (承接). */
@Injectable()
export class AcceptAssignmentUseCase {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    id: string,
    actor: AuditActor,
  ): Promise<AssignmentView> {
    const now = this.clock.now();
    // One statement in the usual case; the row lock makes a concurrent accept wait, then find 0 rows.
    const [rows] = (await manager.query(
      `update assignment set status = 'accepted', updated_at = $3
       where id = $1 and lab_id = $2 and status = 'dispatched' returning ${ASSIGNMENT_VIEW_COLUMNS}`,
      [id, labId, now],
    )) as [Array<Record<string, unknown>>, number];
    if (rows.length === 0) {
      const assignment = await loadOwnAssignment(manager, labId, id);
      throw stateConflict(
        `assignment ${id} is ${assignment.status}; only a dispatched assignment can be accepted`,
      );
    }
    await this.audit.record(
      actor,
      { action: 'assignment.accept', entityType: 'assignment', entityId: id },
      manager,
    );
    return AssignmentView.of(assignmentViewOfRow(rows[0]), shanghaiDate(now));
  }
}
