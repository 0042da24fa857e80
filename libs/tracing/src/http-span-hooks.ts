import type { ClientRequest, IncomingMessage, RequestOptions, ServerResponse } from 'node:http';
import type { Attributes, Span } from '@opentelemetry/api';
import type { HttpInstrumentationConfig } from '@opentelemetry/instrumentation-http';

/** Probed every few seconds by the platform and Prometheus: their spans would drown the rest. */
const UNTRACED = /^\/(health|metrics)(\/|\?|$)/;

/**
 * What the http instrumentation records that may carry personal data or secrets — the caller's
 * address and user agent, the query string (a search by name or ID number) — is never recorded.
 * The instrumentation merges these over its own attributes; an undefined value is dropped.
 */
const WITHHELD_FROM_INCOMING: Attributes = {
  'url.query': undefined,
  'client.address': undefined,
  'network.peer.address': undefined,
  'network.peer.port': undefined,
  'user_agent.original': undefined,
};

/** `METHOD /route/:param` of an Express request once routed, or undefined before (or unmatched). */
function routeTemplate(request: IncomingMessage): string | undefined {
  const express = request as IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };
  const path = express.route?.path;
  return typeof path === 'string' ? `${express.baseUrl ?? ''}${path}` : undefined;
}

/** An outgoing request's URL without its query string (presigned URLs carry signatures there). */
export function urlWithoutQuery(options: RequestOptions): string {
  const host = options.hostname ?? options.host ?? 'localhost';
  const port = options.port ? `:${options.port}` : '';
  const path = (options.path ?? '/').split('?')[0];
  return `${options.protocol ?? 'http:'}//${host}${port}${path}`;
}

/**
 * The http instrumentation's settings: no spans for health checks and metric scrapes, no personal
 * data or query strings in attributes, and server spans named by their route template
 * (`GET /batches/:batchNumber`), which the instrumentation knows only with Express instrumented.
 */
export function httpSpanHooks(): HttpInstrumentationConfig {
  return {
    ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
    startIncomingSpanHook: () => WITHHELD_FROM_INCOMING,
    startOutgoingSpanHook: (options) => ({
      'url.full': urlWithoutQuery(options),
      'user_agent.original': undefined,
    }),
    applyCustomAttributesOnSpan: (
      span: Span,
      request: ClientRequest | IncomingMessage,
      _response: IncomingMessage | ServerResponse,
    ) => {
      if (!('url' in request)) return; // a client span: its URL is set at start
      const route = routeTemplate(request);
      if (!route) return;
      span.setAttribute('http.route', route);
      span.updateName(`${request.method ?? 'GET'} ${route}`);
    },
  };
}
