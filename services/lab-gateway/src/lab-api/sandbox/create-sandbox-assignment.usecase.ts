import { randomBytes, randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../clock/clock';
import { Assignment } from '../../dispatch/assignment.entity';
import { turnaroundDueDate } from '../../dispatch/turnaround-due-date';
import { LabGatewayConfig } from '../../lab-gateway.config';
import { Lab } from '../../labs/lab.entity';
import { ErrorCode, shanghaiDate, UnprocessableError } from '@qis/domain';
import { AssignmentView } from '../assignment.view';
import type { CreateSandboxAssignmentCommand } from './create-sandbox-assignment.command';

/** Batch numbers of the sandbox: never the shape of a real one (HZ2026-000123). */
const SANDBOX_BATCH_PREFIX = 'SANDBOX-';

/**
 * The lab sandbox: a sandbox lab's user asks for a synthetic assignment of a category and then
 * works it through the ordinary lab API (accept, progress, report). It belongs to no real batch:
 * nothing is published, a decline draws no other lab, no overdue alert is raised, and staff lists
 * leave it out.
 */
@Injectable()
export class CreateSandboxAssignmentUseCase {
  constructor(
    private readonly config: LabGatewayConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    labId: string | null,
    cmd: CreateSandboxAssignmentCommand,
    actor: AuditActor,
  ): Promise<AssignmentView> {
    if (!this.config.LAB_SANDBOX_ENABLED)
      throw new NotFoundException('the lab sandbox is not enabled on this gateway');
    const lab = labId ? await manager.findOneBy(Lab, { id: labId }) : null;
    if (!lab?.sandbox)
      throw new ForbiddenException(
        'only a sandbox lab gets synthetic assignments: ask the bureau to register a sandbox lab (sandbox: true) for your tests',
      );
    const scope = lab.scopes.find((s) => s.category === cmd.category);
    const [{ items }] = (await manager.query(
      'select count(*)::int as items from test_item where category = $1',
      [cmd.category],
    )) as Array<{ items: number }>;
    if (!scope || items === 0)
      throw new UnprocessableError(
        ErrorCode.unprocessable,
        `category ${cmd.category} is not in the sandbox lab's scope with a test-item catalogue`,
        {
          errors: [
            {
              field: 'category',
              reasons: [
                !scope ? "outside the sandbox lab's scope" : 'no test-item catalogue for this category',
              ],
            },
          ],
        },
      );
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const due = turnaroundDueDate(today, lab.turnaroundWorkingDays);
    const batchNumber = `${SANDBOX_BATCH_PREFIX}${randomBytes(4).toString('hex').toUpperCase()}`;
    const assignment: Assignment = {
      id: randomUUID(),
      batchNumber,
      purpose: 'initial',
      category: cmd.category,
      sampleName: `沙箱样品（${cmd.category}）`,
      sampleCode: `${batchNumber}-S`,
      sampleRole: 'test',
      sealNumber: `FY-${batchNumber}-1`,
      productStandard: scope.standards[0] ?? null,
      reinspectionOfReport: null,
      labId: lab.id,
      labName: lab.name,
      drawSeed: 'sandbox',
      candidateLabIds: [lab.id],
      excludedLabIds: [],
      dispatchedAt: now,
      dueOn: due.date,
      dueOnProvisional: due.provisional,
      contractId: null,
      contractNumber: null,
      contractVersion: null,
      turnaroundWorkingDays: lab.turnaroundWorkingDays,
      status: 'dispatched',
      declineReason: null,
      progress: [],
      overdueAlertedAt: null,
      updatedAt: now,
      sandbox: true,
    };
    await manager.insert(Assignment, assignment);
    await this.audit.record(
      actor,
      {
        action: 'assignment.sandbox-create',
        entityType: 'assignment',
        entityId: assignment.id,
        detail: { batchNumber, category: cmd.category },
      },
      manager,
    );
    return AssignmentView.of(assignment, today);
  }
}
