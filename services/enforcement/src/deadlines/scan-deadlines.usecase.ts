import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { retryTransaction } from '@qis/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../kernel/clock';
import { MissingYearWatch } from '../calendar/missing-year-watch';
import { shanghaiDate } from '@qis/domain';
import { EnforcementCase } from '../cases/enforcement-case.entity';
import { FinalizeResultUseCase } from '../finality/finalize-result.usecase';
import { Notice } from '../notices/notice.entity';
import { Objection } from '../objections/objection.entity';
import { AlertBook, type AlertKind } from '../kernel/alert-book';
import { CompletePendingDeadlinesUseCase } from './complete-pending-deadlines.usecase';
import { Deadline } from '../kernel/deadline.entity';

const CHUNK = 50;

/**
 * Acts on deadlines that passed unmet: alerts for result notices not sent in 5 working days and
 * for overdue cases; the waiver of a re-inspection whose procedures were not completed in 7 days;
 * finality once an objection period is over. First it computes deadlines that waited for a year's
 * holiday schedule and names a year whose schedule is missing. Several instances may scan: rows
 * are claimed with SKIP LOCKED, each in its own transaction.
 */
@Injectable()
export class ScanDeadlinesUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly finality: FinalizeResultUseCase,
    private readonly alerts: AlertBook,
    private readonly pending: CompletePendingDeadlinesUseCase,
    private readonly missingYears: MissingYearWatch,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(now = this.clock.now()): Promise<number> {
    await this.dataSource.transaction(async (manager) => {
      await this.pending.execute(manager, SYSTEM_ACTOR, now);
      await this.missingYears.check(manager, now);
    });
    let handled = 0;
    for (;;) {
      const count = await retryTransaction(this.dataSource, async (manager) => {
        const due = await manager
          .createQueryBuilder(Deadline, 'd')
          .where('d.due_at < :now and d.met_at is null and d.handled_at is null', { now })
          .orderBy('d.due_at', 'ASC')
          .limit(CHUNK)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const deadline of due) {
          await manager.update(Deadline, { id: deadline.id }, { handledAt: now });
          const outcome = await this.handle(manager, deadline, now);
          await manager.update(Deadline, { id: deadline.id }, { outcome });
        }
        return due.length;
      });
      handled += count;
      if (count < CHUNK) return handled;
    }
  }

  private async handle(manager: EntityManager, deadline: Deadline, now: Date): Promise<string> {
    switch (deadline.kind) {
      case 'result-notice': {
        const notice = await manager.findOneByOrFail(Notice, { id: deadline.subjectId });
        await this.alert(
          manager,
          deadline,
          'result-notice-overdue',
          'notice',
          `result notice ${notice.noticeNumber} to the ${notice.recipient} (${notice.recipientName}) of ${notice.batchNumber} ` +
            `was not sent by ${shanghaiDate(deadline.dueAt)}, the 5th working day after the report`,
        );
        return 'alert';
      }
      case 'case-overdue': {
        const found = await manager.findOneByOrFail(EnforcementCase, { id: deadline.subjectId });
        if (found.status === 'closed') return 'closed';
        await this.alert(
          manager,
          deadline,
          'case-overdue',
          'case',
          `case of ${found.batchNumber} at ${found.authority.name} is ${found.status}, not closed by ${shanghaiDate(deadline.dueAt)}`,
        );
        return 'alert';
      }
      case 'reinspection-procedures': {
        const objection = await manager.findOneByOrFail(Objection, { id: deadline.subjectId });
        if (objection.status !== 'approved') return objection.status;
        objection.status = 'waived';
        await manager.save(Objection, objection);
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'objection.waive',
            entityType: 'objection',
            entityId: objection.id,
            detail: {
              batchNumber: objection.batchNumber,
              completeBy: deadline.dueAt.toISOString(),
              reason: 'procedures not completed within 7 days of the lab notice',
            },
          },
          manager,
        );
        await this.finality.execute(manager, objection.batchNumber, now);
        return 'waived';
      }
      case 'objection-window':
        return (await this.finality.execute(manager, deadline.batchNumber, now)) ? 'final' : 'not-final';
    }
  }

  private async alert(
    manager: EntityManager,
    deadline: Deadline,
    kind: AlertKind,
    subjectType: string,
    message: string,
  ): Promise<void> {
    await this.alerts.raise(manager, {
      kind,
      batchNumber: deadline.batchNumber,
      subjectType,
      subjectId: deadline.subjectId,
      message,
    });
  }
}
