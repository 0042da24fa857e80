import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { SampleDispatched } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import { contractStanding, type ContractStanding } from '../labs/contracts/contract-standing';
import { currentContracts } from '../labs/contracts/contract-versions';
import { Lab } from '../labs/lab.entity';
import { shanghaiDate } from '@qis/domain';
import { Assignment } from './assignment.entity';
import { OPEN_STATUSES } from './assignment-status';
import type { DispatchSampleCommand } from './dispatch-sample.command';
import { drawLab } from './lab-draw';
import { disqualifications } from './lab-eligibility';
import { NoQualifiedLabError } from './no-qualified-lab.error';
import { turnaroundDueDate } from './turnaround-due-date';

/**
 * Draws a lab among the active, accredited ones qualified for the category (and claimed standard)
 * whose entrustment contract in force covers the category, with free capacity; records the seed
 * and the candidates, sets the due date from the contract's turnaround in working days, and
 * publishes sample-dispatched, all in the caller's transaction.
 */
@Injectable()
export class DispatchSampleUseCase {
  private readonly logger = new Logger(DispatchSampleUseCase.name);

  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  async execute(manager: EntityManager, cmd: DispatchSampleCommand, actor: AuditActor): Promise<Assignment> {
    const on = shanghaiDate(cmd.at);
    // Lock the registry rows so concurrent draws see each other's capacity use.
    const labs = await manager
      .createQueryBuilder(Lab, 'lab')
      .setLock('for_no_key_update')
      .orderBy('lab.id')
      .getMany();
    const open = await manager
      .createQueryBuilder(Assignment, 'a')
      .select('a.lab_id', 'labId')
      .addSelect('count(*)::int', 'n')
      .where('a.status in (:...open)', { open: OPEN_STATUSES })
      .groupBy('a.lab_id')
      .getRawMany<{ labId: string; n: number }>();
    const openByLab = new Map(open.map((row) => [row.labId, row.n]));
    const contracts = await currentContracts(
      manager,
      labs.map((lab) => lab.id),
    );
    const standing = new Map<string, ContractStanding>(
      labs.map((lab) => [
        lab.id,
        contractStanding(
          contracts.filter((c) => c.labId === lab.id),
          cmd.category,
          on,
        ),
      ]),
    );

    const exclusions: Record<string, string[]> = {};
    const eligible = labs.filter((lab) => {
      const reasons = disqualifications(lab, { category: cmd.category, standard: cmd.productStandard, on });
      const contract = standing.get(lab.id);
      if (contract && !contract.ok) reasons.push(contract.reason);
      if (cmd.excludedLabIds.includes(lab.id)) reasons.push('excluded from this draw');
      if ((openByLab.get(lab.id) ?? 0) >= lab.capacity) reasons.push('no free capacity');
      if (reasons.length > 0) exclusions[lab.id] = reasons;
      return reasons.length === 0;
    });
    const above =
      cmd.preferAboveLevel === null
        ? []
        : eligible.filter((lab) => lab.qualificationLevel > (cmd.preferAboveLevel ?? 0));
    const pool = above.length > 0 ? above : eligible;
    if (pool.length === 0) throw new NoQualifiedLabError(cmd.batchNumber, cmd.category, exclusions);

    const seed = randomBytes(32).toString('hex');
    const candidateLabIds = pool.map((lab) => lab.id).sort();
    const chosenId = drawLab(seed, cmd.batchNumber, candidateLabIds);
    const lab = pool.find((l) => l.id === chosenId) as Lab;
    const { contract, turnaroundWorkingDays } = standing.get(lab.id) as Extract<
      ContractStanding,
      { ok: true }
    >;
    const due = turnaroundDueDate(on, turnaroundWorkingDays);
    if (due.provisional)
      this.logger.warn(
        {
          alert: 'calendar-year-missing',
          batchNumber: cmd.batchNumber,
          dueOn: due.date,
          unknownYears: due.unknownYears,
        },
        `due date provisional: chinese-days has no holiday schedule for ${due.unknownYears.join(', ')}; ` +
          'counted with weekends and the statutory holidays off until a release of the package publishes it',
      );

    const assignment: Assignment = {
      id: randomUUID(),
      batchNumber: cmd.batchNumber,
      purpose: cmd.purpose,
      category: cmd.category,
      sampleName: cmd.sampleName,
      sampleCode: cmd.sampleCode,
      sampleRole: cmd.sampleRole,
      sealNumber: cmd.sealNumber,
      productStandard: cmd.productStandard,
      reinspectionOfReport: cmd.reinspectionOfReport,
      labId: lab.id,
      labName: lab.name,
      drawSeed: seed,
      candidateLabIds,
      excludedLabIds: cmd.excludedLabIds,
      dispatchedAt: cmd.at,
      dueOn: due.date,
      dueOnProvisional: due.provisional,
      contractId: contract.id,
      contractNumber: contract.contractNumber,
      contractVersion: contract.version,
      turnaroundWorkingDays,
      status: 'dispatched',
      declineReason: null,
      progress: [],
      overdueAlertedAt: null,
      updatedAt: cmd.at,
      sandbox: false,
    };
    await manager.insert(Assignment, assignment);
    await this.outbox.publish(manager, [
      {
        contract: SampleDispatched,
        key: cmd.batchNumber,
        causationId: cmd.causationId,
        value: {
          batchNumber: cmd.batchNumber,
          purpose: cmd.purpose,
          ...(cmd.reinspectionOfReport ? { reinspectionOfReport: cmd.reinspectionOfReport } : {}),
          sampleCode: cmd.sampleCode,
          sampleRole: cmd.sampleRole,
          sealNumber: cmd.sealNumber,
          labId: lab.id,
          labName: lab.name,
          drawSeed: seed,
          candidateLabIds,
          dispatchedAt: cmd.at.toISOString(),
          dueOn: due.date,
        },
      },
    ]);
    await this.audit.record(
      actor,
      {
        action: 'assignment.dispatch',
        entityType: 'assignment',
        entityId: assignment.id,
        detail: {
          batchNumber: cmd.batchNumber,
          purpose: cmd.purpose,
          labId: lab.id,
          drawSeed: seed,
          candidateLabIds,
          preferAboveLevel: cmd.preferAboveLevel,
          exclusions,
          contractId: contract.id,
          contractNumber: contract.contractNumber,
          contractVersion: contract.version,
          turnaroundWorkingDays,
          dueOn: due.date,
          ...(due.provisional ? { dueOnProvisional: true, unknownYears: due.unknownYears } : {}),
        },
      },
      manager,
    );
    return assignment;
  }
}
