import { context, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { Header, type HeaderMap } from '../event-headers';
import {
  causeContext,
  extractTraceContext,
  inHandlerSpan,
  injectTraceContext,
  messageAttributes,
  traceparentOf,
  withConsumedMessages,
} from './message-trace';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PRODUCER_SPAN = '00f067aa0ba902b7';
const headers = (traceparent?: string): HeaderMap => ({
  [Header.MessageId]: '9d2f6a1e-3c1b-4d8e-9a6f-1b2c3d4e5f60',
  [Header.Type]: 'planning.batch-planned',
  [Header.Version]: '1',
  ...(traceparent ? { [Header.TraceParent]: traceparent } : {}),
});

describe('trace context in Kafka headers', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer(
    'spec',
  );
  afterEach(() => exporter.reset());

  it("extracts the producer's span from traceparent, as a remote parent", () => {
    const parent = trace.getSpanContext(extractTraceContext(headers(`00-${TRACE_ID}-${PRODUCER_SPAN}-01`)));
    expect(parent).toEqual({ traceId: TRACE_ID, spanId: PRODUCER_SPAN, traceFlags: 1, isRemote: true });
  });

  it('continues the trace: a consumer span under the extracted context is its child, and a message sent from it names that span', () => {
    const incoming = extractTraceContext(headers(`00-${TRACE_ID}-${PRODUCER_SPAN}-01`));
    const span = tracer.startSpan('process planning.batch-planned.v1', { kind: SpanKind.CONSUMER }, incoming);
    const outgoing = injectTraceContext(headers(), trace.setSpan(incoming, span));
    span.end();

    const [recorded] = exporter.getFinishedSpans();
    expect(recorded.spanContext().traceId).toBe(TRACE_ID);
    expect(recorded.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
    expect(outgoing[Header.TraceParent]).toBe(`00-${TRACE_ID}-${recorded.spanContext().spanId}-01`);
    // The other headers are kept, and no header the contracts do not declare is added.
    expect(Object.keys(outgoing).sort()).toEqual(Object.keys(headers('x')).sort());
  });

  it('keeps an unsampled decision: flags 00 travel on', () => {
    const incoming = extractTraceContext(headers(`00-${TRACE_ID}-${PRODUCER_SPAN}-00`));
    expect(traceparentOf(incoming)).toBe(`00-${TRACE_ID}-${PRODUCER_SPAN}-00`);
  });

  it('leaves headers alone where there is no valid trace context (absent, malformed, all zeros)', () => {
    for (const bad of [
      undefined,
      'garbage',
      `00-${'0'.repeat(32)}-${PRODUCER_SPAN}-01`,
      `00-${TRACE_ID}-xyz-01`,
    ]) {
      const ctx = extractTraceContext(headers(bad));
      expect(trace.getSpanContext(ctx)).toBeUndefined();
      expect(traceparentOf(ctx)).toBeUndefined();
      expect(injectTraceContext(headers(bad), ctx)).toEqual(headers(bad));
    }
  });

  it("runs a handler in a child span of its event's, active while it runs", async () => {
    const incoming = extractTraceContext(headers(`00-${TRACE_ID}-${PRODUCER_SPAN}-01`));
    // As a service runs: the global provider and its AsyncLocalStorage context.
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    try {
      const seen = await inHandlerSpan('BatchConsumer.onPlanned', incoming, async () =>
        traceparentOf(context.active()),
      );
      const [handler] = exporter.getFinishedSpans();
      expect(handler.name).toBe('handle BatchConsumer.onPlanned');
      expect(handler.parentSpanContext?.spanId).toBe(PRODUCER_SPAN);
      expect(seen).toBe(`00-${TRACE_ID}-${handler.spanContext().spanId}-01`);
    } finally {
      trace.disable();
      context.disable();
      propagation.disable();
    }
  });

  it("gives an event a batch handler publishes its cause's context, when that cause was in the batch", () => {
    const cause = extractTraceContext(headers(`00-${TRACE_ID}-${PRODUCER_SPAN}-01`));
    const batch = withConsumedMessages(ROOT_CONTEXT, new Map([['m-1', cause]]));
    expect(causeContext(batch, 'm-1')).toBe(cause);
    expect(causeContext(batch, 'm-2')).toBe(batch);
    expect(causeContext(batch, undefined)).toBe(batch);
  });

  it('names a batch in span attributes only by a batch number key, never another key', () => {
    expect(messageAttributes('t', 'HZ2026-000123', headers())['qis.batch_number']).toBe('HZ2026-000123');
    expect(messageAttributes('t', '330102199001011234', headers())).not.toHaveProperty('qis.batch_number');
  });
});
