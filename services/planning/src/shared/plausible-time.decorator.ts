import { UTC_TIMESTAMP } from '@qis/contracts';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * UTC_TIMESTAMP with the years 2000–2100 only: the timestamp pattern alone lets
 * `0000-01-01T00:00:00Z` through, which PostgreSQL cannot store (found by fuzzing: the signal was
 * answered 500). As a pattern, the range is stated in the OpenAPI document too.
 */
export const PLAUSIBLE_UTC_TIMESTAMP = new RegExp(
  `^(20\\d\\d|2100)${UTC_TIMESTAMP.source.slice('^\\d{4}'.length)}`,
);

/**
 * A timestamp whose day the calendar has: Date.parse rolls 2100-04-31 over into May, PostgreSQL
 * refuses it (found by fuzzing: 500). Only the day: a value of the wrong shape or year is named by
 * the pattern check beside this one, once.
 */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !PLAUSIBLE_UTC_TIMESTAMP.test(value)) return true;
          const time = Date.parse(value);
          return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value.slice(0, 10);
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} names a day the calendar does not have`,
      },
    },
    options,
  );
}
