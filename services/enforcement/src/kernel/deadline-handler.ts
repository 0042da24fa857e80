import type { AuditActor } from '@qis/audit';
import type { WorkingDayCalendar } from '@qis/domain';
import type { EntityManager } from 'typeorm';
import type { Deadline, DeadlineKind } from './deadline.entity';

/**
 * What the feature that owns a kind of deadline does with it. Each feature registers its own with
 * `DeadlineHandlers`, so a rule and what happens when its period runs out live in one folder.
 */
export interface DeadlineHandler {
  readonly kind: DeadlineKind;
  /** Acts on a deadline that passed unmet, in the scan's transaction; returns the outcome stored on it. */
  onDue(manager: EntityManager, deadline: Deadline, now: Date): Promise<string>;
  /**
   * Computes this kind's deadlines that waited for a year's holiday schedule, on the calendar the
   * caller's transaction sees; returns how many got their end.
   */
  completePending?(
    manager: EntityManager,
    calendar: WorkingDayCalendar,
    actor: AuditActor,
    now: Date,
  ): Promise<number>;
}
