import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { Principal } from '@qis/auth';
import type { FieldError } from '@qis/contracts';
import { DataSource } from 'typeorm';
import { conflict, ConflictError, ErrorCode, UnprocessableError } from '@qis/domain';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { TaskFinder } from '../assignment/task-finder';
import { TaskView } from '../assignment/task-view';
import type { EvidenceItem } from '../kernel/evidence-item';
import { missingEvidence } from './evidence-package-check';
import { EvidenceVerifier } from './evidence-verifier';

const notAssigned = (status: string): ConflictError => conflict(`task is ${status}`, ErrorCode.taskState);

/** The same items, in the same order: what was verified is what is being completed. */
const sameEvidence = (a: readonly EvidenceItem[], b: readonly EvidenceItem[]): boolean =>
  a.length === b.length && a.every((item, i) => item.kind === b[i].kind && item.objectId === b[i].objectId);

/**
 * The buyer declares the purchase done. Refused (422, each problem named) while the record or a
 * mandatory evidence item is missing or fewer units were bought than the batch needs. A unit
 * price above the plan's cap waits for an approver.
 *
 * The evidence service is asked about the items before the transaction opens (its answers may take
 * seconds; the task row must not stay locked meanwhile). The transaction then locks the task and
 * refuses (409) if its evidence changed since.
 */
@Injectable()
export class CompletePurchaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskFinder,
    private readonly audit: AuditService,
    private readonly verifier: EvidenceVerifier,
  ) {}

  async execute(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    authorization: string,
  ): Promise<TaskView> {
    const seen = await this.tasks.find(this.dataSource.manager, principal, batchNumber);
    if (seen.status !== 'assigned') throw notAssigned(seen.status);
    const evidenceProblems = await this.verifier.problems(seen.batchNumber, seen.evidence, authorization);
    return this.dataSource.transaction(async (manager) => {
      const task = await this.tasks.find(manager, principal, batchNumber, { lock: true });
      if (task.status !== 'assigned') throw notAssigned(task.status);
      if (!sameEvidence(task.evidence, seen.evidence))
        throw conflict(
          'the evidence package changed while it was being verified; complete the purchase again',
          ErrorCode.evidenceChanged,
        );
      const problems: FieldError[] = [];
      const purchase = task.purchase;
      if (!purchase)
        problems.push({ field: 'purchase', reasons: ['the purchase record has not been entered'] });
      else {
        const wanted = task.batch.quantity;
        if (purchase.quantity.testUnits < wanted.testUnits)
          problems.push({
            field: 'quantity.testUnits',
            reasons: [`the batch needs ${wanted.testUnits} test units`],
          });
        if (purchase.quantity.backupUnits < wanted.backupUnits)
          problems.push({
            field: 'quantity.backupUnits',
            reasons: [`the batch needs ${wanted.backupUnits} backup units`],
          });
      }
      problems.push(...missingEvidence(task.evidence));
      problems.push(...evidenceProblems);
      if (problems.length > 0) {
        await this.audit.record(
          actor,
          {
            action: 'purchase.complete',
            entityType: 'purchase-task',
            entityId: task.batchNumber,
            outcome: 'failure',
            detail: { problems: problems.map((p) => p.field) },
          },
          manager,
        );
        throw new UnprocessableError(ErrorCode.unprocessable, 'the purchase cannot be completed', {
          errors: problems,
        });
      }
      const overCap = (purchase?.unitPriceFen ?? 0) > task.unitPriceCapFen;
      const now = new Date();
      await manager.update(PurchaseTask, task.id, {
        status: overCap ? 'awaiting-price-approval' : 'purchased',
        purchasedAt: now,
        assignmentDueAt: null,
        updatedAt: now,
      });
      await manager.query(
        `update assignment set outcome = 'completed', ended_at = now() where task_id = $1 and outcome = 'active'`,
        [task.id],
      );
      await this.audit.record(
        actor,
        {
          action: 'purchase.complete',
          entityType: 'purchase-task',
          entityId: task.batchNumber,
          detail: {
            unitPriceFen: purchase?.unitPriceFen,
            capFen: task.unitPriceCapFen,
            needsApproval: overCap,
          },
        },
        manager,
      );
      return TaskView.of(await manager.findOneByOrFail(PurchaseTask, { id: task.id }));
    });
  }
}
