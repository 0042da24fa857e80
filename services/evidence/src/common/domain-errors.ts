import { ConflictException, UnprocessableEntityException } from '@nestjs/common';

/** 422 naming the field and why, in the shape of the validation pipe's 400. */
export const unprocessable = (field: string, ...reasons: string[]): UnprocessableEntityException =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: reasons.join('; '),
    errors: [{ field, reasons }],
  });

/** 409: the request is valid but the thing's state forbids it (already sealed, retained, …). */
export const conflict = (message: string): ConflictException =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message });
