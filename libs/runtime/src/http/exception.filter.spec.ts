import {
  BadRequestException,
  ConflictException,
  Logger,
  NotFoundException,
  type ArgumentsHost,
} from '@nestjs/common';
import { badRequest, CalendarYearUnknownError, conflict, ErrorCode, unprocessable } from '@qis/domain';
import { HttpErrorFilter } from './exception.filter';

/** What the filter answers for `exception`, without a server. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const res = {
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return res;
    },
  };
  const req = { id: 'req-unit-1', method: 'POST', originalUrl: '/x', headers: {} };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }),
  } as unknown as ArgumentsHost;
  new HttpErrorFilter().catch(exception, host);
  return sent;
}

describe('HttpErrorFilter: every error body carries a stable code', () => {
  it('answers a domain error with its own code, its fields and details unchanged', () => {
    expect(answer(conflict('batch HZ2026-000001 is closed', 'batch_already_closed'))).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'batch_already_closed',
        message: 'batch HZ2026-000001 is closed',
        requestId: 'req-unit-1',
      },
    });
    expect(answer(unprocessable('receivedAt', 'must not be in the future')).body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      code: 'unprocessable',
      message: 'receivedAt: must not be in the future',
      errors: [{ field: 'receivedAt', reasons: ['must not be in the future'] }],
      requestId: 'req-unit-1',
    });
    expect(answer(new CalendarYearUnknownError(2027, [2025, 2026])).body).toMatchObject({
      statusCode: 503,
      code: ErrorCode.calendarYearUnknown,
      message: expect.stringContaining('no working-day calendar for 2027'),
    });
  });

  it('gives errors without a code the code of their status: validation 400s, framework 404s, the four-eyes rule', () => {
    const validation = new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: 'validation failed',
      errors: [{ field: 'sampleCode', reasons: ['sampleCode must be a string'] }],
    });
    expect(answer(validation).body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'sampleCode', reasons: ['sampleCode must be a string'] }],
      requestId: 'req-unit-1',
    });
    expect(answer(badRequest('batchNumber', 'must look like HZ2026-000123')).body).toMatchObject({
      code: 'validation_failed',
      message: 'batchNumber must look like HZ2026-000123',
    });
    expect(answer(new NotFoundException('Cannot GET /nowhere')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /nowhere',
      code: 'not_found',
      requestId: 'req-unit-1',
    });
    expect(answer(new BadRequestException('Unexpected token in JSON')).body).toMatchObject({
      code: 'bad_request',
    });
    expect(
      answer(
        new ConflictException({ statusCode: 409, error: 'Conflict', rule: 'four-eyes', message: 'second' }),
      ).body,
    ).toMatchObject({ code: 'four_eyes', rule: 'four-eyes' });
  });

  it('answers anything else 500 internal_error with an errorId', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined); // the 500's log line, not shown here
    const { status, body } = answer(new Error('boom'));
    expect(status).toBe(500);
    expect(body).toMatchObject({ statusCode: 500, code: 'internal_error', message: 'unexpected error' });
    expect(body['errorId']).toEqual(expect.any(String));
  });
});
