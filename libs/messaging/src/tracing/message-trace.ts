import {
  context,
  createContextKey,
  ROOT_CONTEXT,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BATCH_NUMBER } from '@qis/contracts';
import { Header, type HeaderMap } from '../event-headers';

/**
 * W3C trace context in Kafka headers. Every message carries `traceparent` (ARCHITECTURE.md,
 * Events) whatever propagator a deployment configures, so the W3C propagator is used directly.
 */
const w3c = new W3CTraceContextPropagator();

const getter: TextMapGetter<HeaderMap> = {
  get: (headers, key) => headers[key],
  keys: (headers) => Object.keys(headers),
};

// Only `traceparent`: the contracts declare no `tracestate` header.
const setter: TextMapSetter<HeaderMap> = {
  set: (headers, key, value) => {
    if (key === Header.TraceParent) headers[key] = value;
  },
};

export const messagingTracer = trace.getTracer('@qis/messaging');

/** The trace context a message's `traceparent` carries (none: `base` unchanged). */
export function extractTraceContext(headers: HeaderMap, base: Context = ROOT_CONTEXT): Context {
  return w3c.extract(base, headers, getter);
}

/** The `traceparent` of the span of `ctx`, or undefined when it holds no valid span context. */
export function traceparentOf(ctx: Context): string | undefined {
  const carrier: HeaderMap = {};
  w3c.inject(ctx, carrier, setter);
  return carrier[Header.TraceParent];
}

/** `headers` with `traceparent` set to the span of `ctx`; unchanged when `ctx` holds no span. */
export function injectTraceContext(headers: HeaderMap, ctx: Context): HeaderMap {
  const traceparent = traceparentOf(ctx);
  return traceparent ? { ...headers, [Header.TraceParent]: traceparent } : headers;
}

const CONSUMED = createContextKey('qis.consumed-messages');

/**
 * `ctx` with the trace contexts of the messages a batch handler applies at once, by message id:
 * an event it publishes with one of them as `causationId` continues that message's trace.
 */
export function withConsumedMessages(ctx: Context, byMessageId: ReadonlyMap<string, Context>): Context {
  return ctx.setValue(CONSUMED, byMessageId);
}

/** The context an outgoing event continues: its cause's, when consumed in `ctx`'s batch, else `ctx`. */
export function causeContext(ctx: Context, causationId: string | undefined): Context {
  const consumed = ctx.getValue(CONSUMED) as ReadonlyMap<string, Context> | undefined;
  return (causationId && consumed?.get(causationId)) || ctx;
}

/**
 * Span attributes of a message (OpenTelemetry messaging conventions): never its value or a
 * personal key; the batch number when the key is one, so a batch's spans can be searched for.
 */
export function messageAttributes(
  topic: string,
  key: string | undefined,
  headers: HeaderMap,
  extra: Attributes = {},
): Attributes {
  return {
    'messaging.system': 'kafka',
    'messaging.destination.name': topic,
    'messaging.message.id': headers[Header.MessageId],
    'qis.event.type': headers[Header.Type],
    'qis.event.version': headers[Header.Version],
    ...(key && BATCH_NUMBER.test(key) ? { 'qis.batch_number': key } : {}),
    ...extra,
  };
}

/**
 * Marks `span` failed with the error's class (and code), not its message: a message may quote the
 * data that failed (a database error quotes the value), and spans leave the service.
 */
export function failSpan(span: Span, error: unknown, type?: string): void {
  const code = (error as { code?: unknown } | undefined)?.code;
  const errorType =
    type ?? (typeof code === 'string' ? code : ((error as Error | undefined)?.name ?? 'Error'));
  span.setAttribute('error.type', errorType);
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
}

/**
 * Runs a handler in a span of its own under `parent` (the consumed event's span), active while it
 * runs, so what it publishes or queries belongs to that event's trace. `links` tie a handler that
 * applies several events at once to each of them.
 */
export async function inHandlerSpan<T>(
  name: string,
  parent: Context,
  fn: () => Promise<T>,
  links: Link[] = [],
): Promise<T> {
  const span = messagingTracer.startSpan(
    `handle ${name}`,
    {
      attributes: { 'qis.handler': name, 'messaging.batch.message_count': Math.max(1, links.length) },
      links,
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), fn);
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}
