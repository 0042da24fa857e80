import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { OrderPlacedValue, ReportIssuedValue, SampleSealedValue } from '@qis/contracts';
import { In, type EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import { IssueResultNoticesUseCase } from '../notices/issue-result-notices.usecase';
import { IssueSamplingNoticesUseCase } from '../notices/issue-sampling-notices.usecase';
import { Objection } from '../objections/objection.entity';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { ResultFinality } from '../kernel/result-finality';

export type BatchFact =
  | { kind: 'order'; value: OrderPlacedValue }
  | { kind: 'sealed'; value: SampleSealedValue }
  | { kind: 'report'; value: ReportIssuedValue };

/**
 * Files one consumed fact of a batch (order, sealed sample, report), whatever order they arrive
 * in, then issues whatever notices the facts now allow and checks whether the result is final.
 */
@Injectable()
export class RecordBatchFactUseCase {
  constructor(
    private readonly samplingNotices: IssueSamplingNoticesUseCase,
    private readonly resultNotices: IssueResultNoticesUseCase,
    private readonly finality: ResultFinality,
    private readonly alerts: AlertBook,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    fact: BatchFact,
    messageId: string,
    now = this.clock.now(),
  ): Promise<void> {
    const batchNumber = fact.value.batchNumber;
    await manager.query(
      `insert into enforcement_batch (batch_number) values ($1) on conflict (batch_number) do nothing`,
      [batchNumber],
    );
    const batch = await manager.findOneOrFail(BatchFile, {
      where: { batchNumber },
      lock: { mode: 'pessimistic_write' },
    });
    const note = this.apply(batch, fact);
    if (fact.kind === 'report' && fact.value.purpose === 're-inspection' && note === 'filed') {
      await manager.update(
        Objection,
        { batchNumber, status: In(['approved', 're-inspecting']) },
        { status: 'completed' },
      );
    }
    if (fact.kind === 'report' && fact.value.amendsReportNumber && note !== 'filed') {
      await this.alerts.raise(manager, {
        kind: 'report-amendment-not-applied',
        batchNumber,
        subjectType: 'report',
        subjectId: `${batchNumber}/${fact.value.reportNumber}`,
        message: `amended report ${fact.value.reportNumber} (replacing ${fact.value.amendsReportNumber}) was not applied: ${note}; decide by hand`,
      });
    }
    batch.updatedAt = now;
    await manager.save(BatchFile, batch);
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: `batch.${fact.kind}`,
        entityType: 'batch',
        entityId: batchNumber,
        outcome: note === 'filed' ? 'success' : 'failure',
        detail: {
          note,
          messageId,
          ...(fact.kind === 'report'
            ? {
                reportNumber: fact.value.reportNumber,
                purpose: fact.value.purpose,
                amendsReportNumber: fact.value.amendsReportNumber ?? null,
              }
            : {}),
        },
      },
      manager,
    );
    await this.samplingNotices.execute(manager, batch, now);
    for (const report of [batch.initialReport, batch.reinspectionReport]) {
      if (report) await this.resultNotices.execute(manager, batch, report, now, messageId);
    }
    await this.finality.execute(manager, batchNumber, now, messageId);
  }

  /** Returns `filed`, or why the fact changes nothing (kept in the audit detail, never lost). */
  private apply(batch: BatchFile, fact: BatchFact): string {
    switch (fact.kind) {
      case 'order':
        batch.order = fact.value;
        return 'filed';
      case 'sealed':
        batch.sealed = fact.value;
        return 'filed';
      case 'report': {
        const report = fact.value;
        if (batch.finalAt)
          return `result already final since ${batch.finalAt.toISOString()}: report ${report.reportNumber} not applied`;
        if (report.purpose === 'initial') {
          const current = batch.initialReport;
          if (current && current.reportNumber !== report.reportNumber) {
            if (report.amendsReportNumber !== current.reportNumber)
              return `an initial report (${current.reportNumber}) is already on file: ${report.reportNumber} not applied`;
            // An amended report replaces the one it names; its notices follow (IssueResultNoticesUseCase).
            if (batch.replacedReports.some((r) => r.reportNumber === report.reportNumber))
              return `report ${report.reportNumber} was already replaced: not applied`;
            batch.replacedReports = [...batch.replacedReports, current];
          }
          batch.initialReport = report;
          return 'filed';
        }
        if (!batch.initialReport)
          return `re-inspection report ${report.reportNumber} before any initial report: not applied`;
        batch.reinspectionReport = report;
        return 'filed';
      }
    }
  }
}
