import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { CaseRouted, type CaseRoutedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import type { EntityManager } from 'typeorm';
import type { BatchFile } from '../kernel/batch-file.entity';
import { addDays, endOfShanghaiDay, shanghaiDate } from '@qis/domain';
import { DeadlineBook } from '../kernel/deadline-book';
import { EnforcementConfig } from '../enforcement.config';
import { CaseRouter, type RoutingInput } from '../routing/case-router';
import { IssueTransferLetterUseCase } from './transfer-letter/issue-transfer-letter.usecase';
import { EnforcementCase } from './enforcement-case.entity';
import { TriageItem } from './triage-item.entity';

export type OpenCaseResult = { kind: 'case'; case: EnforcementCase } | { kind: 'triage'; item: TriageItem };

/**
 * Routes a batch whose failed result is final: a case for the authority the rules choose
 * (published as `case-routed`), or a manual triage item when routing can't prove where it goes.
 * Re-routing an existing case (an escalation, a triage choice) moves it and publishes again.
 */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly router: CaseRouter,
    private readonly deadlines: DeadlineBook,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly config: EnforcementConfig,
    private readonly transferLetters: IssueTransferLetterUseCase,
  ) {}

  async execute(
    manager: EntityManager,
    actor: AuditActor,
    batch: BatchFile,
    now: Date,
    overrides: Pick<RoutingInput, 'escalation' | 'manualAreaCode'> = {},
  ): Promise<OpenCaseResult> {
    const order = batch.order;
    if (!order) throw new Error(`batch ${batch.batchNumber} has no order facts to route by`);
    const decision = this.router.route({
      seller: order.seller,
      ...(order.platform ? { platform: order.platform } : {}),
      ...overrides,
    });
    if (decision.kind === 'triage') {
      let item = await manager.findOneBy(TriageItem, { batchNumber: batch.batchNumber });
      if (!item) {
        item = manager.create(TriageItem, {
          id: randomUUID(),
          batchNumber: batch.batchNumber,
          reason: decision.reason,
          policyRow: decision.row,
          status: 'open',
          caseId: null,
          resolvedAt: null,
          resolvedBy: null,
        });
        await manager.insert(TriageItem, item);
      }
      await this.audit.record(
        actor,
        {
          action: 'case.triage',
          entityType: 'batch',
          entityId: batch.batchNumber,
          detail: { reason: decision.reason, policyRow: decision.row, reasons: decision.reasons },
        },
        manager,
      );
      return { kind: 'triage', item };
    }

    const existing = await manager.findOneBy(EnforcementCase, { batchNumber: batch.batchNumber });
    const found =
      existing ??
      manager.create(EnforcementCase, {
        id: randomUUID(),
        batchNumber: batch.batchNumber,
        status: 'routed',
        outcomes: null,
        penaltyFen: null,
        summary: null,
        acceptedAt: null,
        closedAt: null,
        dueAt: endOfShanghaiDay(addDays(shanghaiDate(now), this.config.CASE_DUE_DAYS)),
      });
    const authority = {
      kind: decision.authority.kind,
      areaCode: decision.authority.areaCode,
      name: decision.authority.name,
    };
    Object.assign(found, {
      rule: decision.rule,
      authority,
      areaCode: authority.areaCode,
      copiedTo: decision.copiedTo.map((a) => ({ kind: a.kind, areaCode: a.areaCode, name: a.name })),
      explanation: decision.explanation,
      policyRow: decision.row,
      policyReasons: decision.reasons,
      sellerName: order.seller.name,
      sellerUscc: order.seller.unifiedSocialCreditCode ?? null,
      platform: order.platform?.code ?? null,
      routedAt: now,
    });
    await manager.save(EnforcementCase, found);
    if (!existing) {
      await this.deadlines.schedule(manager, 'case-overdue', found.id, batch.batchNumber, found.dueAt);
      await manager.query(
        `update takedown_report set case_id = $1 where batch_number = $2 and case_id is null`,
        [found.id, batch.batchNumber],
      );
    }
    // Handed outside the city: the transfer letter (案件移送函) goes with the case.
    if (decision.transfer) await this.transferLetters.execute(manager, found, batch, now);
    const value: CaseRoutedValue = {
      batchNumber: batch.batchNumber,
      caseId: found.id,
      rule: found.rule,
      authority: found.authority,
      copiedTo: found.copiedTo,
      sellerName: found.sellerName,
      ...(found.sellerUscc ? { sellerUnifiedSocialCreditCode: found.sellerUscc } : {}),
      ...(found.platform ? { platform: found.platform } : {}),
      routedAt: now.toISOString(),
    };
    await this.outbox.publish(manager, [{ contract: CaseRouted, key: batch.batchNumber, value }]);
    await this.audit.record(
      actor,
      {
        action: existing ? 'case.reroute' : 'case.route',
        entityType: 'case',
        entityId: found.id,
        detail: {
          batchNumber: batch.batchNumber,
          rule: found.rule,
          authority: found.authority.name,
          explanation: found.explanation,
          policyRow: decision.row,
        },
      },
      manager,
    );
    return { kind: 'case', case: found };
  }
}
