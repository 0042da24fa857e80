import { UnprocessableEntityException } from '@nestjs/common';

/** 422 naming the field and the reason, in the shape of the validation errors. */
export const unprocessable = (field: string, reason: string): UnprocessableEntityException =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `${field}: ${reason}`,
    errors: [{ field, reasons: [reason] }],
  });
