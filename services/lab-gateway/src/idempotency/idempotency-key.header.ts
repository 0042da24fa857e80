import type { ApiHeaderOptions } from '@nestjs/swagger';

/** 1 to 255 visible ASCII characters: what IdempotencyService accepts, and what the document says. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The `Idempotency-Key` header of every POST, documented with the rule the service enforces, so a
 * generated client or a fuzzer sends a key the gateway takes.
 */
export const IDEMPOTENCY_KEY_HEADER: ApiHeaderOptions = {
  name: 'Idempotency-Key',
  required: true,
  description:
    'Unique per request (a UUID is fine). A retry with the same key and body gets the stored answer ' +
    '(header Idempotent-Replayed: true); the same key with another body is refused with 409.',
  schema: {
    type: 'string',
    minLength: 1,
    maxLength: 255,
    pattern: IDEMPOTENCY_KEY.source,
    example: '3f2a9c1e-8d4b-4e7a-9b1c-2d5e6f7a8b9c',
  },
};
