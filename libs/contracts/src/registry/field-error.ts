/** One invalid field: a path such as `items[0].unit` (or `(value)`, `(key)` for the whole) and why. */
export interface FieldError {
  field: string;
  reasons: string[];
}

/**
 * The outcome of decoding a message. Invalid input is an expected outcome, not an exception:
 * the consumer sends it to the dead-letter topic with `errors`.
 */
export type DecodeResult<T> =
  { ok: true; value: T } | { ok: false; kind: 'not-json' | 'invalid'; errors: FieldError[] };
