import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { flattenValidationErrors } from '@qis/contracts';

/** Strict input: unknown fields are refused, every problem is named with its field. */
export const strictValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
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
