import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound, type Principal } from '@qis/auth';
import { RiskWarningDecided, type RiskWarningDecidedValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { BatchFile } from '../../kernel/batch-file.entity';
import { Clock } from '../../kernel/clock';
import { BatchScope } from '../../scope/batch-scope';
import { CaseRouter } from '../../routing/case-router';
import { conflict, ConflictError, ErrorCode, unprocessable } from '@qis/domain';
import type { DecideRiskWarningCommand } from './decide-risk-warning.command';
import type { ProposeRiskWarningCommand } from './propose-risk-warning.command';
import { RiskWarning } from './risk-warning.entity';
import { RiskWarningScope } from './risk-warning-scope';
import type { WithdrawRiskWarningCommand } from './withdraw-risk-warning.command';

/** 409 of the four-eyes rule: whoever proposed a warning may not decide it. */
const fourEyes = (actor: string, id: string): ConflictError =>
  new ConflictError(
    ErrorCode.fourEyes,
    `four-eyes rule: ${actor} proposed risk warning ${id}; a second officer or the disclosure officer decides it`,
    { rule: 'four-eyes' },
  );

/**
 * A consumer risk warning (消费风险警示) from proposal to the public page and back (operating rules
 * §7–8: 加强商品质量安全风险警示): an officer proposes one for a batch whose result is final and
 * failed; a second officer, an approver or the disclosure officer issues or rejects it; an issued
 * one can be withdrawn with a reason. Issuing and withdrawing publish `risk-warning-decided` in the
 * same transaction (disclosure puts it on the public page); every step is audited.
 */
@Injectable()
export class RiskWarningDecisionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: RiskWarningScope,
    private readonly batchScope: BatchScope,
    private readonly router: CaseRouter,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async propose(
    principal: Principal,
    actor: AuditActor,
    batchNumber: string,
    command: ProposeRiskWarningCommand,
  ): Promise<RiskWarning> {
    return this.dataSource.transaction(async (manager) => {
      await this.batchScope.assertVisible(principal, batchNumber, 'batch', batchNumber, manager);
      const batch = await manager.findOne(BatchFile, {
        where: { batchNumber },
        lock: { mode: 'pessimistic_write' },
      });
      if (!batch) throw notFound('batch', batchNumber);
      const report = batch.standingReport;
      if (!batch.finalAt || !report || report.verdict !== 'fail' || !batch.order || !batch.sealed)
        throw conflict(
          `batch ${batchNumber} has no final failed result: a risk warning is for a failed product`,
        );
      const active = await manager.findOne(RiskWarning, {
        where: [
          { batchNumber, status: 'proposed' },
          { batchNumber, status: 'issued' },
        ],
      });
      if (active)
        throw conflict(`batch ${batchNumber} already has a ${active.status} risk warning (${active.id})`);
      const claimed = batch.sealed.claimed;
      const now = this.clock.now();
      const warning = manager.create(RiskWarning, {
        id: randomUUID(),
        batchNumber,
        status: 'proposed',
        revision: 0,
        reportNumber: report.reportNumber,
        title:
          command.title?.trim() ||
          `关于${claimed.brand ? `${claimed.brand}牌` : ''}${claimed.sampleName}的消费风险警示`,
        sampleName: claimed.sampleName,
        brand: claimed.brand ?? null,
        specModel: claimed.specModel ?? null,
        producerName: claimed.producerName ?? null,
        producerUscc: claimed.producerUnifiedSocialCreditCode ?? null,
        sellerName: batch.order.seller.name,
        platformName: batch.order.platform?.name ?? null,
        failingItems: report.failingItems,
        risk: command.risk.trim(),
        advice: command.advice.trim(),
        proposedBy: actor.actor,
        proposedAt: now,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
        withdrawnBy: null,
        withdrawnAt: null,
        withdrawalReason: null,
      });
      await manager.insert(RiskWarning, warning);
      await this.audit.record(
        actor,
        {
          action: 'risk-warning.propose',
          entityType: 'risk-warning',
          entityId: warning.id,
          detail: { batchNumber, reportNumber: warning.reportNumber, title: warning.title },
        },
        manager,
      );
      return warning;
    });
  }

  async decide(
    principal: Principal,
    actor: AuditActor,
    id: string,
    command: DecideRiskWarningCommand,
  ): Promise<RiskWarning> {
    if (!command.approve && !command.reason?.trim())
      throw unprocessable('reason', 'a rejection must say why');
    return this.dataSource.transaction(async (manager) => {
      const warning = await this.lock(manager, principal, id);
      if (warning.status !== 'proposed')
        throw conflict(`risk warning ${id} is ${warning.status}: only a proposed warning is decided`);
      if (warning.proposedBy === actor.actor) throw fourEyes(actor.actor, id);
      const now = this.clock.now();
      Object.assign(warning, {
        status: command.approve ? 'issued' : 'rejected',
        revision: command.approve ? 1 : 0,
        decidedBy: actor.actor,
        decidedAt: now,
        decisionReason: command.reason?.trim() || null,
      });
      await manager.save(RiskWarning, warning);
      if (command.approve) await this.publish(manager, warning);
      await this.audit.record(
        actor,
        {
          action: command.approve ? 'risk-warning.issue' : 'risk-warning.reject',
          entityType: 'risk-warning',
          entityId: id,
          detail: {
            batchNumber: warning.batchNumber,
            proposedBy: warning.proposedBy,
            reason: warning.decisionReason,
          },
        },
        manager,
      );
      return warning;
    });
  }

  async withdraw(
    principal: Principal,
    actor: AuditActor,
    id: string,
    command: WithdrawRiskWarningCommand,
  ): Promise<RiskWarning> {
    return this.dataSource.transaction(async (manager) => {
      const warning = await this.lock(manager, principal, id);
      if (warning.status !== 'issued')
        throw conflict(`risk warning ${id} is ${warning.status}: only an issued warning is withdrawn`);
      const now = this.clock.now();
      Object.assign(warning, {
        status: 'withdrawn',
        revision: 2,
        withdrawnBy: actor.actor,
        withdrawnAt: now,
        withdrawalReason: command.reason.trim(),
      });
      await manager.save(RiskWarning, warning);
      await this.publish(manager, warning);
      await this.audit.record(
        actor,
        {
          action: 'risk-warning.withdraw',
          entityType: 'risk-warning',
          entityId: id,
          detail: { batchNumber: warning.batchNumber, reason: warning.withdrawalReason },
        },
        manager,
      );
      return warning;
    });
  }

  private async lock(manager: EntityManager, principal: Principal, id: string): Promise<RiskWarning> {
    const warning = await manager.findOne(RiskWarning, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (
      !warning ||
      !(await this.scope.visible(principal, [warning.batchNumber], manager)).has(warning.batchNumber)
    )
      throw notFound('risk warning', id);
    return warning;
  }

  private async publish(manager: EntityManager, w: RiskWarning): Promise<void> {
    const value: RiskWarningDecidedValue = {
      warningId: w.id,
      revision: w.revision,
      status: w.status === 'withdrawn' ? 'withdrawn' : 'issued',
      batchNumber: w.batchNumber,
      reportNumber: w.reportNumber,
      title: w.title,
      sampleName: w.sampleName,
      ...(w.brand ? { brand: w.brand } : {}),
      ...(w.specModel ? { specModel: w.specModel } : {}),
      ...(w.producerName ? { producerName: w.producerName } : {}),
      ...(w.producerUscc ? { producerUnifiedSocialCreditCode: w.producerUscc } : {}),
      sellerName: w.sellerName,
      ...(w.platformName ? { platformName: w.platformName } : {}),
      failingItems: w.failingItems,
      risk: w.risk,
      advice: w.advice,
      issuedBy: this.router.issuerName,
      issuedAt: (w.decidedAt as Date).toISOString(),
      ...(w.withdrawnAt
        ? { withdrawnAt: w.withdrawnAt.toISOString(), withdrawalReason: w.withdrawalReason as string }
        : {}),
    };
    await this.outbox.publish(manager, [{ contract: RiskWarningDecided, key: w.batchNumber, value }]);
  }
}
