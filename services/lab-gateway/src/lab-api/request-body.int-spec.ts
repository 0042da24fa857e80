import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from '@qis/testing';
import type { LabGatewayConfig } from '../lab-gateway.config';
import { labGatewayService } from '../lab-gateway.definition';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  requestId: string;
}

/** What the body parser refuses answers in the one error shape, with the request id, never 500. */
describe('request bodies the lab gateway refuses (real service)', () => {
  let service: TestService<LabGatewayConfig>;
  let lab: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService(labGatewayService);
    lab = await service.auth({ roles: ['lab'], sub: 'lab-client-1', labId: 'L-body' });
  });
  afterAll(() => service?.stop());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${service.url}/v1/assignments/${randomUUID()}/accept`, {
      method: 'POST',
      headers: {
        ...lab,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-request-id': `req-${randomUUID()}`,
        ...headers,
      },
      body,
    });

  it('answers a 3 MB JSON body 413 Payload Too Large with the request id, not 500', async () => {
    const res = await post(JSON.stringify({ note: 'x'.repeat(3 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as ErrorBody;
    expect(body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'payload_too_large',
      message: expect.stringMatching(/larger than/),
      requestId: res.headers.get('x-request-id'),
    });
    expect(body.requestId).toMatch(/^req-/);
  });

  it('answers a malformed JSON body 400 in the usual shape, with the request id', async () => {
    const res = await post('{"reason": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'bad_request',
      message: expect.stringMatching(/not valid JSON/),
      requestId: res.headers.get('x-request-id'),
    });
    expect(body.requestId).toMatch(/^req-/);
  });

  it('answers a body in a charset it cannot read 415 with the request id', async () => {
    const res = await post('{}', { 'content-type': 'application/json; charset=koi8-r' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as ErrorBody).requestId).toBe(res.headers.get('x-request-id'));
  });

  it('still takes a body within the limit (an unknown assignment: 404)', async () => {
    const res = await post(JSON.stringify({}));
    expect(res.status).toBe(404);
  });
});
