import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, propagation, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { EvidenceReferenceChecker } from './evidence-reference-checker';

// A stand-in for the evidence service's metadata endpoint: only the HTTP contract is under test here.
const objects: Record<string, { kind: string; status: string; batchNumber: string | null }> = {
  '00000000-0000-4000-8000-000000000001': {
    kind: 'order-screenshot',
    status: 'stored',
    batchNumber: 'HZ2026-000001',
  },
  '00000000-0000-4000-8000-000000000002': {
    kind: 'chat-screenshot',
    status: 'pending',
    batchNumber: 'HZ2026-000001',
  },
  '00000000-0000-4000-8000-000000000003': {
    kind: 'listing-snapshot',
    status: 'stored',
    batchNumber: 'HZ2026-000999',
  },
};

describe('EvidenceReferenceChecker', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  const traceparents: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization ?? '');
      traceparents.push(req.headers.traceparent as string | undefined);
      const id = (req.url ?? '').split('/').pop() ?? '';
      const found = objects[id];
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id, ...found } : { statusCode: 404 }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ref = (i: number, kind: string, objectId: string) => ({
    field: `evidence[${i}]`,
    kind,
    objectId,
    batchNumber: 'HZ2026-000001',
  });

  it("names each reference that is missing, not finalized, of another kind or another batch, forwarding the caller's token", async () => {
    const problems = await new EvidenceReferenceChecker(url).problems(
      [
        ref(0, 'order-screenshot', '00000000-0000-4000-8000-000000000001'),
        ref(1, 'chat-screenshot', '00000000-0000-4000-8000-000000000002'),
        ref(2, 'product-claim-photo', '00000000-0000-4000-8000-000000000003'),
        ref(3, 'purchase-screen-recording', '00000000-0000-4000-8000-000000000004'),
      ],
      'Bearer buyer-token',
    );
    expect(problems).toEqual([
      {
        field: 'evidence[1]',
        reasons: ['evidence object 00000000-0000-4000-8000-000000000002 is not finalized (pending)'],
      },
      {
        field: 'evidence[2]',
        reasons: [
          'evidence object 00000000-0000-4000-8000-000000000003 is a listing-snapshot, not a product-claim-photo',
          'evidence object 00000000-0000-4000-8000-000000000003 belongs to batch HZ2026-000999, not HZ2026-000001',
        ],
      },
      { field: 'evidence[3]', reasons: ['evidence object 00000000-0000-4000-8000-000000000004 not found'] },
    ]);
    expect(new Set(seen)).toEqual(new Set(['Bearer buyer-token']));
  });

  it("carries the caller's trace to the evidence service (traceparent of the current span)", async () => {
    new NodeTracerProvider().register();
    try {
      const span = trace.getTracer('spec').startSpan('POST /orders');
      traceparents.length = 0;
      await context.with(trace.setSpan(context.active(), span), () =>
        new EvidenceReferenceChecker(url).problems(
          [ref(0, 'order-screenshot', '00000000-0000-4000-8000-000000000001')],
          'Bearer buyer-token',
        ),
      );
      span.end();
      const { traceId, spanId } = span.spanContext();
      expect(traceparents).toEqual([`00-${traceId}-${spanId}-01`]);
    } finally {
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });

  it('answers 503 rather than accept unverified evidence when the evidence service is unreachable', async () => {
    await expect(
      new EvidenceReferenceChecker('http://127.0.0.1:1').problems(
        [ref(0, 'order-screenshot', '00000000-0000-4000-8000-000000000001')],
        'Bearer x',
      ),
    ).rejects.toMatchObject({ status: 503 });
  });

  it('checks nothing when no evidence service is configured', async () => {
    const checker = new EvidenceReferenceChecker(undefined);
    expect(checker.enabled).toBe(false);
    expect(await checker.problems([ref(0, 'order-screenshot', 'x')], '')).toEqual([]);
  });
});
