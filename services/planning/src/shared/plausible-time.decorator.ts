import { UTC_TIMESTAMP } from '@qis/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * UTC_TIMESTAMP with the years 2000–2100 only: the pattern that documents IsPlausibleTime's range
 * (the check below still refuses a day the calendar lacks, e.g. 2026-02-30).
 */
export const PLAUSIBLE_UTC_TIMESTAMP = new RegExp(
  `^(20\\d\\d|2100)${UTC_TIMESTAMP.source.slice('^\\d{4}'.length)}`,
);

/**
 * A UTC timestamp whose year is one a planning record can have (2000–2100). The timestamp pattern
 * alone lets `0000-01-01T00:00:00Z` through, which PostgreSQL cannot store (found by fuzzing: the
 * signal was answered 500); this refuses it with 400 naming the field.
 */
export function IsPlausibleTime(from = 2000, to = 2100, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPlausibleTime',
      constraints: [from, to],
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true; // the pattern check names a wrong type
          const year = Number(value.slice(0, 4));
          const time = Date.parse(value);
          // Date.parse rolls 2100-04-31 over into May; PostgreSQL refuses it (found by fuzzing: 500).
          const sameDay =
            !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value.slice(0, 10);
          return year >= from && year <= to && sameDay;
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a time in the years ${from} to ${to}`,
      },
    },
    options,
  );
}
