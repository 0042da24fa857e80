import { Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@qis/domain';
import { Assignment } from './assignment.entity';
import { OPEN_STATUSES } from './assignment-status';
import { Clock } from '../clock/clock';

/**
 * Raises one overdue alert per assignment whose due day (Asia/Shanghai) has passed without a
 * report, naming the entrustment contract and the turnaround it agreed: marked on the assignment,
 * written to the audit log and logged as a warning. Rows are claimed with SKIP LOCKED, so several
 * instances never alert twice.
 */
@Injectable()
export class ScanOverdueUseCase {
  private readonly logger = new Logger(ScanOverdueUseCase.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(now = this.clock.now()): Promise<number> {
    const today = shanghaiDate(now);
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(Assignment, 'a')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('a.status in (:...open)', { open: OPEN_STATUSES })
        .andWhere('a.due_on < :today', { today })
        .andWhere('a.overdue_alerted_at is null')
        .andWhere('not a.sandbox')
        .orderBy('a.due_on')
        .limit(200)
        .getMany();
      for (const a of due) {
        await manager.update(Assignment, { id: a.id }, { overdueAlertedAt: now });
        await this.audit.record(
          SYSTEM_ACTOR,
          {
            action: 'assignment.overdue',
            entityType: 'assignment',
            entityId: a.id,
            detail: {
              batchNumber: a.batchNumber,
              labId: a.labId,
              dueOn: a.dueOn,
              status: a.status,
              ...contractOf(a),
            },
          },
          manager,
        );
        this.logger.warn(
          {
            alert: 'assignment-overdue',
            assignmentId: a.id,
            batchNumber: a.batchNumber,
            labId: a.labId,
            dueOn: a.dueOn,
            ...contractOf(a),
          },
          a.contractNumber === null
            ? 'lab report overdue'
            : `lab report overdue: past the ${String(a.turnaroundWorkingDays)} working days of entrustment contract ${a.contractNumber}`,
        );
      }
      return due.length;
    });
  }
}

/** The contract and turnaround the due date came from (none for assignments made before contracts). */
const contractOf = (a: Assignment) =>
  a.contractNumber === null
    ? {}
    : {
        contractId: a.contractId,
        contractNumber: a.contractNumber,
        contractVersion: a.contractVersion,
        turnaroundWorkingDays: a.turnaroundWorkingDays,
      };
