import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CalendarYearUnknownError } from '@qis/domain';

/**
 * What alerts are about: breached deadlines, deadlines that cannot be computed, amendments that
 * came too late, and a holiday schedule not loaded for the coming year (from 1 November).
 */
export type AlertKind =
  | 'result-notice-overdue'
  | 'case-overdue'
  | 'calendar-year-unknown'
  | 'calendar-year-missing'
  | 'report-amendment-not-applied';
export const ALERT_KINDS: readonly AlertKind[] = [
  'result-notice-overdue',
  'case-overdue',
  'calendar-year-unknown',
  'calendar-year-missing',
  'report-amendment-not-applied',
];

export interface AlertFacts {
  kind: AlertKind;
  /** Null when the alert concerns no batch. */
  batchNumber: string | null;
  subjectType: string;
  subjectId: string;
  message: string;
}

/** Raises an alert once per kind and subject (`GET /alerts`), and logs it as a warning. */
@Injectable()
export class AlertBook {
  private readonly logger = new Logger('Alerts');

  /**
   * Raises the alert; returns whether it is new or reopened (a repeat of an open one, same kind and
   * subject, is a no-op; a resolved one whose cause came back is reopened with the new message).
   */
  async raise(manager: EntityManager, alert: AlertFacts): Promise<boolean> {
    const inserted = (await manager.query(
      `insert into alert (id, kind, batch_number, subject_type, subject_id, message) values ($1, $2, $3, $4, $5, $6)
       on conflict (kind, subject_id) do update set resolved_at = null, message = excluded.message, raised_at = now()
         where alert.resolved_at is not null
       returning id`,
      [randomUUID(), alert.kind, alert.batchNumber, alert.subjectType, alert.subjectId, alert.message],
    )) as unknown[];
    this.logger.warn(
      { kind: alert.kind, batchNumber: alert.batchNumber, subjectId: alert.subjectId },
      alert.message,
    );
    return inserted.length > 0;
  }

  /** Marks the open alerts of a kind and subjects resolved (their cause went away); returns how many. */
  async resolve(
    manager: EntityManager,
    kind: AlertKind,
    subjectIds: readonly string[],
    at: Date,
  ): Promise<number> {
    if (subjectIds.length === 0) return 0;
    const [, count] = (await manager.query(
      `update alert set resolved_at = $3 where kind = $1 and subject_id = any($2) and resolved_at is null`,
      [kind, subjectIds, at],
    )) as [unknown, number];
    return count;
  }

  /**
   * Runs a computation on the working-day calendar; when it reaches a year the calendar does not
   * know, raises a `calendar-year-unknown` alert naming what could not be computed and returns
   * null instead of failing the caller (a consumer or a scan must not stall on it). Other errors
   * propagate.
   */
  async withCalendar<T>(
    manager: EntityManager,
    subject: { batchNumber: string; subjectType: string; subjectId: string; what: string },
    compute: () => T,
  ): Promise<T | null> {
    try {
      return compute();
    } catch (error) {
      if (!(error instanceof CalendarYearUnknownError)) throw error;
      await this.raise(manager, {
        kind: 'calendar-year-unknown',
        batchNumber: subject.batchNumber,
        subjectType: subject.subjectType,
        subjectId: subject.subjectId,
        message: `${subject.what} cannot be computed: ${error.message}; until then it must be tracked by hand`,
      });
      return null;
    }
  }
}
