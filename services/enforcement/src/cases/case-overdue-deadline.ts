import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@qis/domain';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import type { DeadlineHandler } from '../kernel/deadline-handler';
import type { Deadline } from '../kernel/deadline.entity';
import { EnforcementCase } from './enforcement-case.entity';

/** The days an authority has to close a routed case: when they pass with the case open, an alert. */
@Injectable()
export class CaseOverdueDeadline implements DeadlineHandler {
  readonly kind = 'case-overdue';

  constructor(private readonly alerts: AlertBook) {}

  async onDue(manager: EntityManager, deadline: Deadline): Promise<string> {
    const found = await manager.findOneByOrFail(EnforcementCase, { id: deadline.subjectId });
    if (found.status === 'closed') return 'closed';
    await this.alerts.raise(manager, {
      kind: 'case-overdue',
      batchNumber: deadline.batchNumber,
      subjectType: 'case',
      subjectId: deadline.subjectId,
      message: `case of ${found.batchNumber} at ${found.authority.name} is ${found.status}, not closed by ${shanghaiDate(deadline.dueAt)}`,
    });
    return 'alert';
  }
}
