import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import type { EventDescriptor } from './event-descriptor';
import type { DecodeResult, FieldError } from './field-error';
import { validateStrictly } from './validation-plan';

// Unknown fields are errors, not silently dropped: a buyer's name must not ride along unnoticed.
const validatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

const KEY_SEPARATOR = ':';

/** class-validator errors as `{ field: 'items[0].unit', reasons }`, nested paths flattened. */
export const flattenValidationErrors = (errors: readonly ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = !parent
      ? error.property
      : /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`;
    const own = error.constraints ? [{ field, reasons: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function validateAs<T extends object>(cls: new () => T, plain: unknown, whole: string): DecodeResult<T> {
  if (!isPlainObject(plain))
    return { ok: false, kind: 'invalid', errors: [{ field: whole, reasons: ['must be a JSON object'] }] };
  const instance = plainToInstance(cls, plain);
  const errors = validateStrictly(instance, validatorOptions);
  return errors.length === 0
    ? { ok: true, value: instance }
    : { ok: false, kind: 'invalid', errors: flattenValidationErrors(errors) };
}

/** Validates an already-parsed value (e.g. before publishing) against the event's value class. */
export const validateEvent = <V extends object>(
  descriptor: Pick<EventDescriptor<object, V>, 'value'>,
  plain: unknown,
): DecodeResult<V> => validateAs(descriptor.value, plain, '(value)');

/** Parses a raw Kafka value and validates it; never throws for bad input. */
export function decodeEvent<V extends object>(
  descriptor: Pick<EventDescriptor<object, V>, 'value'>,
  raw: Buffer | string | null,
): DecodeResult<V> {
  if (raw === null)
    return {
      ok: false,
      kind: 'invalid',
      errors: [{ field: '(value)', reasons: ['value is missing (tombstone)'] }],
    };
  let plain: unknown;
  try {
    plain = JSON.parse(raw.toString());
  } catch (error) {
    return {
      ok: false,
      kind: 'not-json',
      errors: [
        {
          field: '(value)',
          reasons: [`not JSON: ${error instanceof Error ? error.message : String(error)}`],
        },
      ],
    };
  }
  return validateEvent(descriptor, plain);
}

/** The Kafka key of an event: its key fields joined with `:`, e.g. `HZ2026-000123`. */
export const encodeKey = <K extends object>(descriptor: EventDescriptor<K, object>, key: K): string =>
  descriptor.keyFields.map((field) => String((key as Record<string, unknown>)[field])).join(KEY_SEPARATOR);

/** Splits and validates a raw Kafka key; never throws for bad input. */
export function decodeKey<K extends object>(
  descriptor: EventDescriptor<K, object>,
  raw: Buffer | string | null,
): DecodeResult<K> {
  const text = raw === null ? '' : raw.toString();
  const parts = text.split(KEY_SEPARATOR);
  if (text === '' || parts.length !== descriptor.keyFields.length)
    return {
      ok: false,
      kind: 'invalid',
      errors: [
        {
          field: '(key)',
          reasons: [`key must be ${descriptor.keyFields.join(KEY_SEPARATOR)}, got ${JSON.stringify(text)}`],
        },
      ],
    };
  const plain = Object.fromEntries(descriptor.keyFields.map((field, i) => [field, parts[i]]));
  return validateAs(descriptor.key, plain, '(key)');
}
