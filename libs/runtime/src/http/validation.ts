import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { flattenValidationErrors, provenValid, type FieldError } from '@qis/contracts';
import type { ValidationError, ValidatorOptions } from 'class-validator';

/** Paths (`items[2].unit`) of the strings in `value` holding a NUL character. */
export function nulCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulCharacterPaths(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) =>
      nulCharacterPaths(item, path ? `${path}.${key}` : key),
    );
  return [];
}

/**
 * Strict input: unknown fields are refused, every problem is named with its field. A string holding
 * a NUL character is refused before anything else sees it, in any body, query or path parameter:
 * PostgreSQL cannot store one in text, so it would otherwise reach the database and answer 500
 * (found by fuzzing: a platform filter of the statistics CSV).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const prefix = metadata.data ?? '';
      const errors: FieldError[] = nulCharacterPaths(value, prefix).map((field) => ({
        field,
        reasons: ['must not contain the NUL character'],
      }));
      if (errors.length > 0)
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: 'validation failed',
          errors,
        });
    }
    return super.transform(value, metadata);
  }

  /** A valid body is known valid without class-validator's bookkeeping; the rest is its to judge. */
  protected override validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    return options && provenValid(object, options) ? [] : super.validate(object, options);
  }
}

export const strictValidationPipe = (): ValidationPipe =>
  new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
        errors: flattenValidationErrors(errors),
      }),
  });
