import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { EventContract } from './event-contract';

export interface FieldProblem {
  field: string;
  reasons: string[];
}

export type Decoded<V> =
  { ok: true; value: V } | { ok: false; kind: 'not-json' | 'invalid'; problems: FieldProblem[] };

const flatten = (errors: readonly ValidationError[], parent = ''): FieldProblem[] =>
  errors.flatMap((e) => {
    const field = parent
      ? /^\d+$/.test(e.property)
        ? `${parent}[${e.property}]`
        : `${parent}.${e.property}`
      : e.property;
    const own = e.constraints ? [{ field, reasons: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });

/** Parses and validates a message value against its contract; never throws for bad input. */
export function decodeMessage<V extends object>(
  contract: EventContract<V>,
  raw: Buffer | string | null,
): Decoded<V> {
  let json: unknown;
  try {
    json = JSON.parse(raw === null ? '' : raw.toString());
  } catch (error) {
    return {
      ok: false,
      kind: 'not-json',
      problems: [{ field: '(value)', reasons: [`not JSON: ${(error as Error).message}`] }],
    };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ok: false,
      kind: 'invalid',
      problems: [{ field: '(value)', reasons: ['must be a JSON object'] }],
    };
  }
  const value = plainToInstance(contract.value, json);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return errors.length === 0
    ? { ok: true, value }
    : { ok: false, kind: 'invalid', problems: flatten(errors) };
}
