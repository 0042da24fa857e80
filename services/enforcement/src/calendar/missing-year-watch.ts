import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertBook } from '../kernel/alert-book';
import { EnforcementConfig } from '../enforcement.config';
import { CalendarSource } from '../kernel/calendar-source';
import { describeYears, shanghaiDate } from '@qis/domain';

/** The alert subject of a year whose holiday schedule is missing. */
export const missingYearSubject = (year: number): string => `calendar/${year}`;

/**
 * Names the year whose holiday schedule is missing: the current year always, the next one from
 * `CALENDAR_MISSING_YEAR_ALERT_FROM` (1 November), as a `calendar-year-missing` alert with no
 * batch, while neither a loaded schedule nor the package knows it; resolved once one does.
 */
@Injectable()
export class MissingYearWatch {
  constructor(
    private readonly calendars: CalendarSource,
    private readonly alerts: AlertBook,
    private readonly config: EnforcementConfig,
  ) {}

  /** Years required on `now`, Asia/Shanghai. */
  requiredYears(now: Date): number[] {
    const today = shanghaiDate(now);
    const year = Number(today.slice(0, 4));
    return today.slice(5) >= this.config.CALENDAR_MISSING_YEAR_ALERT_FROM ? [year, year + 1] : [year];
  }

  /** Raises or resolves the alerts; returns the years missing. */
  async check(manager: EntityManager, now: Date): Promise<number[]> {
    const calendar = await this.calendars.current(manager);
    const missing: number[] = [];
    for (const year of this.requiredYears(now)) {
      const subjectId = missingYearSubject(year);
      if (calendar.schedule(year)) {
        await this.alerts.resolve(manager, 'calendar-year-missing', [subjectId], now);
        continue;
      }
      missing.push(year);
      const open = (await manager.query(
        `select 1 from alert where kind = 'calendar-year-missing' and subject_id = $1 and resolved_at is null`,
        [subjectId],
      )) as unknown[];
      if (open.length > 0) continue;
      await this.alerts.raise(manager, {
        kind: 'calendar-year-missing',
        batchNumber: null,
        subjectType: 'calendar-year',
        subjectId,
        message:
          `the holiday schedule of ${year} is not loaded (known: ${describeYears(calendar.knownYears)}): ` +
          `result notice deadlines and other periods reaching ${year} cannot be computed and wait for it. ` +
          `An admin loads it from the State Council's notice (POST /calendar/years) and a second admin ` +
          `approves it (POST /calendar/years/${year}/approve)`,
      });
    }
    return missing;
  }
}
