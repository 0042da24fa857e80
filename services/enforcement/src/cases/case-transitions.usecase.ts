import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { findInScopeOrNotFound, queryScope, scopeWhere, type Principal } from '@qis/auth';
import { CaseClosed, type CaseClosedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { CreditEntry } from '../credit/credit-entry.entity';
import { DeadlineBook } from '../kernel/deadline-book';
import { conflict, unprocessable } from '@qis/domain';
import type { CloseCaseCommand } from './close-case.command';
import { EnforcementCase, type CaseStatus } from './enforcement-case.entity';
import { Clock } from '../kernel/clock';

/** Roles that see every case; an officer sees those of their jurisdiction. */
export const CASE_READERS_UNRESTRICTED = ['approver', 'auditor'] as const;

const NEXT: Record<'accepted' | 'investigating', CaseStatus[]> = {
  accepted: ['routed'],
  investigating: ['accepted'],
};

/** routed → accepted → investigating → closed, by officers of the case's jurisdiction. */
@Injectable()
export class CaseTransitionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlineBook,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async load(manager: EntityManager, principal: Principal, id: string): Promise<EnforcementCase> {
    return findInScopeOrNotFound(manager.getRepository(EnforcementCase), {
      where: { id },
      scope: scopeWhere<EnforcementCase>(
        queryScope(principal, 'jurisdiction', CASE_READERS_UNRESTRICTED),
        'areaCode',
      ),
      entity: 'case',
      id,
    });
  }

  async advance(
    actor: AuditActor,
    principal: Principal,
    id: string,
    to: 'accepted' | 'investigating',
    now = this.clock.now(),
  ): Promise<EnforcementCase> {
    return this.dataSource.transaction(async (manager) => {
      const found = await this.load(manager, principal, id);
      if (!NEXT[to].includes(found.status))
        throw conflict(`case ${id} is ${found.status}: it cannot become ${to}`);
      found.status = to;
      if (to === 'accepted') found.acceptedAt = now;
      await manager.save(EnforcementCase, found);
      await this.audit.record(
        actor,
        { action: `case.${to === 'accepted' ? 'accept' : 'investigate'}`, entityType: 'case', entityId: id },
        manager,
      );
      return found;
    });
  }

  async close(
    actor: AuditActor,
    principal: Principal,
    id: string,
    command: CloseCaseCommand,
    now = this.clock.now(),
  ): Promise<EnforcementCase> {
    if (command.outcomes.includes('penalty') && command.penaltyFen === undefined) {
      throw unprocessable('penaltyFen', 'is required when the outcomes include a penalty');
    }
    if (!command.outcomes.includes('penalty') && command.penaltyFen !== undefined) {
      throw unprocessable('penaltyFen', 'is only for a penalty outcome');
    }
    if (!command.outcomes.includes('penalty') && command.penaltyDecisionNumber !== undefined) {
      throw unprocessable('penaltyDecisionNumber', 'is only for a penalty outcome');
    }
    return this.dataSource.transaction(async (manager) => {
      const found = await this.load(manager, principal, id);
      if (found.status === 'closed') throw conflict(`case ${id} is already closed`);
      if (found.status === 'routed') throw conflict(`case ${id} must be accepted before it is closed`);
      Object.assign(found, {
        status: 'closed',
        outcomes: command.outcomes,
        penaltyFen: command.penaltyFen ?? null,
        penaltyDecisionNumber: command.penaltyDecisionNumber ?? null,
        legalBasis: command.legalBasis ?? null,
        summary: command.summary ?? null,
        closedAt: now,
      });
      await manager.save(EnforcementCase, found);
      await this.deadlines.meet(manager, 'case-overdue', found.id, now);
      const batch = await manager.findOneByOrFail(BatchFile, { batchNumber: found.batchNumber });
      const seller = batch.order?.seller;
      if (seller) {
        await manager.insert(
          CreditEntry,
          command.outcomes.map((outcome) => ({
            id: randomUUID(),
            unifiedSocialCreditCode: seller.unifiedSocialCreditCode ?? null,
            subjectName: seller.name,
            subjectRole: 'seller' as const,
            kind: outcome,
            batchNumber: found.batchNumber,
            detail: {
              caseId: found.id,
              authority: found.authority.name,
              ...(outcome === 'penalty'
                ? {
                    penaltyFen: command.penaltyFen,
                    ...(command.penaltyDecisionNumber
                      ? { decisionNumber: command.penaltyDecisionNumber }
                      : {}),
                  }
                : {}),
              ...(command.legalBasis ? { legalBasis: command.legalBasis } : {}),
            },
            occurredAt: now,
          })),
        );
      }
      // Feedback to the bureau that sampled (planning and disclosure consume it).
      const value: CaseClosedValue = {
        batchNumber: found.batchNumber,
        caseId: found.id,
        outcomes: command.outcomes,
        ...(command.penaltyFen !== undefined ? { penaltyFen: command.penaltyFen } : {}),
        ...(command.summary ? { summary: command.summary } : {}),
        closedAt: now.toISOString(),
      };
      await this.outbox.publish(manager, [{ contract: CaseClosed, key: found.batchNumber, value }]);
      await this.audit.record(
        actor,
        {
          action: 'case.close',
          entityType: 'case',
          entityId: id,
          detail: {
            outcomes: command.outcomes,
            penaltyFen: command.penaltyFen ?? null,
            penaltyDecisionNumber: command.penaltyDecisionNumber ?? null,
            legalBasis: command.legalBasis ?? null,
          },
        },
        manager,
      );
      return found;
    });
  }
}
