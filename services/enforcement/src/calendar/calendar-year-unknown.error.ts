/** A date falls in a year the working-day calendar has no official schedule for. */
export class CalendarYearUnknownError extends Error {
  constructor(
    readonly year: number,
    readonly knownYears: { first: number; last: number },
  ) {
    super(
      `no working-day calendar for ${year}: the holiday schedule (chinese-days) covers ` +
        `${knownYears.first}–${knownYears.last}; update the package once the State Council publishes ${year}'s schedule`,
    );
    this.name = 'CalendarYearUnknownError';
  }
}
