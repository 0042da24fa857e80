import { ServiceUnavailableError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** Years as ranges: `2004–2026, 2028`. */
export const describeYears = (years: readonly number[]): string => {
  const sorted = [...years].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j += 1;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return ranges.length > 0 ? ranges.join(', ') : 'none';
};

/**
 * A date falls in a year the working-day calendar has no official schedule for. Over HTTP it
 * answers 503 `calendar_year_unknown` with this message (the request is fine; the service lacks the
 * year's schedule).
 */
export class CalendarYearUnknownError extends ServiceUnavailableError {
  constructor(
    readonly year: number,
    readonly knownYears: readonly number[],
  ) {
    const message =
      `no working-day calendar for ${year}: the holiday schedules known cover ${describeYears(knownYears)}; ` +
      `an admin loads ${year}'s schedule from the State Council's notice (POST /calendar/years) and a second admin approves it`;
    super(ErrorCode.calendarYearUnknown, message);
  }
}
