import { ValidateBy, type ValidationOptions } from 'class-validator';

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
          return year >= from && year <= to && !Number.isNaN(Date.parse(value));
        },
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a time in the years ${from} to ${to}`,
      },
    },
    options,
  );
}
