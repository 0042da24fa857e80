import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import { ErrorCode, errorCodeFor } from '@qis/domain';
import type { Request, Response } from 'express';
import { requestId as newRequestId } from '../logging';

/**
 * One JSON error shape for every HTTP failure: `{ statusCode, error, code, message, errors?, requestId }`.
 * `code` is the `DomainError`'s (`@qis/domain`), else the one of the status (`errorCodeFor`): a
 * validation 400 is `validation_failed`, a framework 404 `not_found`. Unexpected errors answer 500
 * `internal_error` with an `errorId` that is also in the log line with the stack.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request & { id?: string }>();
    // A request refused before the request logger saw it (a body the parsers refused) has no id
    // yet: it gets one here, the same way (the caller's x-request-id when sane), echoed alike.
    const seenByLogger = req.id !== undefined;
    const requestId = seenByLogger ? req.id : (req.id = newRequestId(req, res));

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (!seenByLogger)
        this.logger.warn(
          { requestId, method: req.method, url: req.originalUrl, statusCode: status },
          'request refused before routing',
        );
      const body = exception.getResponse();
      const payload: Record<string, unknown> =
        typeof body === 'string'
          ? { statusCode: status, error: HttpStatus[status] ?? 'Error', message: body }
          : { statusCode: status, ...(body as object) };
      res.status(status).json({ ...payload, code: errorCodeFor(status, payload), requestId });
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, requestId }, 'unhandled error');
    res.status(500).json({
      statusCode: 500,
      error: 'Internal Server Error',
      code: ErrorCode.internalError,
      message: 'unexpected error',
      errorId,
      requestId,
    });
  }
}
