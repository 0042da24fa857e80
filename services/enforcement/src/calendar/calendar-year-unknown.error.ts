import { ServiceUnavailableException } from '@nestjs/common';

/**
 * A date falls in a year the working-day calendar has no official schedule for. Over HTTP it
 * answers 503 with this message (the request is fine; the service lacks the year's schedule).
 */
export class CalendarYearUnknownError extends ServiceUnavailableException {
  constructor(
    readonly year: number,
    readonly knownYears: { first: number; last: number },
  ) {
    const message =
      `no working-day calendar for ${year}: the holiday schedule (chinese-days) covers ` +
      `${knownYears.first}–${knownYears.last}; update the package once the State Council publishes ${year}'s schedule`;
    super({ statusCode: 503, error: 'Service Unavailable', message });
    this.message = message;
    this.name = 'CalendarYearUnknownError';
  }
}
