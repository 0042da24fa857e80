import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * One JSON error shape for every HTTP failure: `{ statusCode, error, message, errors?, requestId }`.
 * Unexpected errors answer 500 with an `errorId` that is also in the log line with the stack.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    const requestId = req.id;

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload =
        typeof body === 'string'
          ? { statusCode: status, error: HttpStatus[status] ?? 'Error', message: body }
          : { statusCode: status, ...(body as object) };
      res.status(status).json({ ...payload, requestId });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, requestId }, 'unhandled error');
    res.status(500).json({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'unexpected error',
      errorId,
      requestId,
    });
  }
}
