import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR, type AuditActor } from '@qis/audit';
import type { EntityManager } from 'typeorm';
import { CalendarSource } from './calendar-source';
import { Clock } from './clock';
import { DeadlineHandlers } from './deadline-handlers';
import type { DeadlineKind } from './deadline.entity';

/** What completing the pending deadlines did. */
export interface CompletedDeadlines {
  /** Result notices that got their due date. */
  resultNotices: number;
  /** Batches whose objection-window check was armed. */
  objectionWindows: number;
  /** Approved re-inspections whose 7-day procedures period got its end. */
  proceduresPeriods: number;
}

/**
 * Deadlines that could not be computed because their year's holiday schedule was unknown are
 * computed on the calendar the caller's transaction sees: in the transaction that approves a
 * year's schedule, and on every deadline scan for any left. Each kind's handler fills its own once
 * (only where it is still empty) and resolves its `calendar-year-unknown` alert.
 */
@Injectable()
export class CompletePendingDeadlinesUseCase {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly handlers: DeadlineHandlers,
    private readonly clock: Clock,
  ) {}

  async execute(
    manager: EntityManager,
    actor: AuditActor = SYSTEM_ACTOR,
    now = this.clock.now(),
  ): Promise<CompletedDeadlines> {
    const calendar = await this.calendars.current(manager);
    const completed = new Map<DeadlineKind, number>();
    for (const handler of this.handlers.all()) {
      if (handler.completePending)
        completed.set(handler.kind, await handler.completePending(manager, calendar, actor, now));
    }
    return {
      resultNotices: completed.get('result-notice') ?? 0,
      objectionWindows: completed.get('objection-window') ?? 0,
      proceduresPeriods: completed.get('reinspection-procedures') ?? 0,
    };
  }
}
