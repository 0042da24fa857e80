import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { ResultFinal, type FinalBasis, type ResultFinalValue } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { In, type EntityManager } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { endOfShanghaiDay, shanghaiDate } from '@qis/domain';
import { CalendarSource } from '../kernel/calendar-source';
import { OpenCaseUseCase } from '../cases/open-case.usecase';
import { RecordFailureCreditUseCase } from '../credit/record-failure-credit.usecase';
import { RecordFollowUpOutcomeUseCase } from '../credit/record-follow-up-outcome.usecase';
import { AlertBook } from '../kernel/alert-book';
import { DeadlineBook } from '../kernel/deadline-book';
import { DelegationBook, samplingDelegationFacts } from '../delegations/delegation-book';
import { Notice } from '../notices/notice.entity';
import { Objection, OPEN_OBJECTION_STATUSES } from '../objections/objection.entity';
import { OBJECTION_PERIOD_DAYS } from '../kernel/objection-period';
import type { ResultFinality } from '../kernel/result-finality';

/**
 * Publishes `result-final` only when the result can no longer change: a re-inspection result; or
 * no objection pending and every objection period (from each notified party's receipt) over.
 * A final failure opens the case and goes on the credit files. Safe to call on any change.
 */
@Injectable()
export class FinalizeResultUseCase implements ResultFinality {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly deadlines: DeadlineBook,
    private readonly alerts: AlertBook,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
    private readonly openCase: OpenCaseUseCase,
    private readonly credit: RecordFailureCreditUseCase,
    private readonly followUps: RecordFollowUpOutcomeUseCase,
    private readonly delegations: DelegationBook,
  ) {}

  async execute(
    manager: EntityManager,
    batchNumber: string,
    now: Date,
    causationId?: string,
  ): Promise<boolean> {
    const batch = await manager.findOne(BatchFile, {
      where: { batchNumber },
      lock: { mode: 'pessimistic_write' },
    });
    if (!batch || batch.finalAt || !batch.order || !batch.sealed || !batch.initialReport) return false;
    const basis = await this.basis(manager, batch, now);
    if (!basis) return false;
    const report = batch.standingReport;
    if (!report) return false;
    batch.finalAt = now;
    batch.finalBasis = basis;
    await manager.update(BatchFile, { batchNumber }, { finalAt: now, finalBasis: basis, updatedAt: now });
    const { order, sealed } = batch;
    // Who sampled: the district when the purchase was made under a delegation in force.
    const delegation = (
      await this.delegations.inEffect([batchNumber], new Date(order.orderedAt), manager)
    ).get(batchNumber);
    const value: ResultFinalValue = {
      batchNumber,
      verdict: report.verdict,
      basis,
      reportNumber: report.reportNumber,
      failingItems: report.failingItems,
      category: sealed.category,
      sampleCode: sealed.sampleCode,
      claimed: sealed.claimed,
      seller: order.seller,
      ...(order.platform ? { platform: order.platform } : {}),
      listing: order.listing,
      finalAt: now.toISOString(),
      ...(delegation ? { delegation: samplingDelegationFacts(delegation) } : {}),
    };
    await this.outbox.publish(manager, [
      { contract: ResultFinal, key: batchNumber, value, ...(causationId ? { causationId } : {}) },
    ]);
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'result.final',
        entityType: 'batch',
        entityId: batchNumber,
        detail: { basis, verdict: report.verdict, reportNumber: report.reportNumber },
      },
      manager,
    );
    await this.followUps.recordOutcome(manager, batch, report, now);
    if (report.verdict === 'fail') {
      await this.credit.execute(manager, batch, report, now);
      await this.openCase.execute(manager, SYSTEM_ACTOR, batch, now);
    }
    return true;
  }

  private async basis(manager: EntityManager, batch: BatchFile, now: Date): Promise<FinalBasis | null> {
    if (batch.reinspectionReport) return 're-inspection';
    const objections = await manager.findBy(Objection, { batchNumber: batch.batchNumber });
    if (objections.some((o) => OPEN_OBJECTION_STATUSES.includes(o.status))) return null;
    const windowEnd = await this.windowEnd(manager, batch);
    if (!windowEnd) return null;
    if (now <= windowEnd) {
      await this.deadlines.reschedule(
        manager,
        'objection-window',
        batch.batchNumber,
        batch.batchNumber,
        windowEnd,
      );
      return null;
    }
    if (objections.some((o) => o.status === 'waived')) return 're-inspection-waived';
    if (objections.some((o) => o.status === 'rejected' || o.status === 'refused')) return 'objection-refused';
    return 'no-objection';
  }

  /**
   * Schedules the check that makes the result final when the objection period ends, without
   * deciding now: a receipt recorded after the fact must leave staff time to record an objection
   * that was filed in time. Returns whether the window's end is known (armed).
   */
  async armWindow(manager: EntityManager, batchNumber: string): Promise<boolean> {
    const batch = await manager.findOneBy(BatchFile, { batchNumber });
    if (!batch || batch.finalAt || batch.reinspectionReport) return false;
    const windowEnd = await this.windowEnd(manager, batch);
    if (windowEnd)
      await this.deadlines.reschedule(manager, 'objection-window', batchNumber, batchNumber, windowEnd);
    return windowEnd !== null;
  }

  /** End of the last objection period of the first result; null while a party has not received its notice. */
  private async windowEnd(manager: EntityManager, batch: BatchFile): Promise<Date | null> {
    const initial = batch.initialReport;
    if (!initial) return null;
    const notices = await manager.findBy(Notice, {
      batchNumber: batch.batchNumber,
      kind: 'result',
      reportNumber: initial.reportNumber,
      recipient: In(['seller', 'producer']),
    });
    // A party whose objection was decided (rejected, or the re-inspection waived) has used its
    // right to object to this result: its period no longer holds the result open.
    const decided = new Set(
      (
        await manager.findBy(Objection, {
          batchNumber: batch.batchNumber,
          status: In(['rejected', 'waived']),
        })
      ).map((o) => o.applicantRole),
    );
    // A notice whose delivery failed is replaced by its public notice, whose publication counts.
    const open = notices.filter(
      (n) => !n.deliveryFailedAt && !decided.has(n.recipient as 'seller' | 'producer'),
    );
    if (notices.length === 0) return null;
    // Every party has used its right: the period is over now.
    if (open.length === 0) return new Date(0);
    // A party that has not received its notice can still object: the clock has not started.
    if (open.some((n) => n.receivedAt === null)) return null;
    // A period reaching a year the calendar does not know: not final (never guessed), and an alert.
    const calendar = await this.calendars.current(manager);
    const lastDay = await this.alerts.withCalendar(
      manager,
      {
        batchNumber: batch.batchNumber,
        subjectType: 'batch',
        subjectId: `${batch.batchNumber}/objection-window`,
        what: `the end of the 15-day objection periods of ${batch.batchNumber}`,
      },
      () =>
        open
          .map((n) => calendar.lastDayOfPeriod(shanghaiDate(n.receivedAt as Date), OBJECTION_PERIOD_DAYS))
          .sort()
          .at(-1) as string,
    );
    return lastDay ? endOfShanghaiDay(lastDay) : null;
  }
}
