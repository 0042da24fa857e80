import { Injectable } from '@nestjs/common';
import type { AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { conflict, unprocessable } from '@qis/domain';
import type { EscalateCaseCommand } from './escalate-case.command';
import { EnforcementCase } from './enforcement-case.entity';
import { OpenCaseUseCase, type OpenCaseResult } from './open-case.usecase';
import type { ResolveTriageCommand } from './resolve-triage.command';
import { TriageItem } from './triage-item.entity';
import { Clock } from '../kernel/clock';

/** A person's routing: an approver escalates a case, or places a batch from the triage queue. */
@Injectable()
export class RerouteCaseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly openCase: OpenCaseUseCase,
    private readonly clock: Clock,
  ) {}

  async escalate(
    actor: AuditActor,
    caseId: string,
    command: EscalateCaseCommand,
    now = this.clock.now(),
  ): Promise<EnforcementCase> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(EnforcementCase, { id: caseId });
      if (!found) throw notFound('case', caseId);
      if (found.status === 'closed') throw conflict(`case ${caseId} is closed`);
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: found.batchNumber });
      const result = await this.openCase.execute(manager, actor, batch, now, {
        escalation: { to: command.to, reason: command.reason },
      });
      if (result.kind !== 'case')
        throw conflict(`case ${caseId} could not be escalated: ${result.item.reason}`);
      return result.case;
    });
  }

  async resolveTriage(
    actor: AuditActor,
    triageId: string,
    command: ResolveTriageCommand,
    now = this.clock.now(),
  ): Promise<OpenCaseResult> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(TriageItem, {
        where: { id: triageId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw notFound('triage item', triageId);
      if (item.status !== 'open') throw conflict(`triage item ${triageId} is already resolved`);
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: item.batchNumber });
      const result = await this.openCase.execute(
        manager,
        actor,
        batch,
        now,
        command.escalateTo
          ? { escalation: { to: command.escalateTo, reason: command.reason } }
          : { manualAreaCode: command.areaCode as string },
      );
      if (result.kind !== 'case')
        throw unprocessable(command.escalateTo ? 'escalateTo' : 'areaCode', result.item.reason);
      await manager.update(
        TriageItem,
        { id: item.id },
        { status: 'resolved', caseId: result.case.id, resolvedAt: now, resolvedBy: actor.actor },
      );
      return result;
    });
  }
}
