import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';

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

/** 400 naming the field and why, in the shape of the validation pipe's 400 (a rule beyond its reach). */
export const badRequest = (field: string, ...reasons: string[]): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: reasons.join('; '),
    errors: [{ field, reasons }],
  });

/** 403 naming what the caller may not do, with the field that asked for it. */
export const forbidden = (field: string, ...reasons: string[]): ForbiddenException =>
  new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: reasons.join('; '),
    errors: [{ field, reasons }],
  });
