import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { httpSpanHooks, urlWithoutQuery } from './http-span-hooks';

const incoming = (url: string, extra: object = {}) => ({ url, method: 'GET', ...extra }) as IncomingMessage;

describe('http span settings', () => {
  const hooks = httpSpanHooks();

  it('traces no health check or metrics scrape, and every API route', () => {
    const ignored = (url: string) => hooks.ignoreIncomingRequestHook?.(incoming(url));
    expect(ignored('/health/ready')).toBe(true);
    expect(ignored('/metrics')).toBe(true);
    expect(ignored('/batches/HZ2026-000123')).toBe(false);
    expect(ignored('/healthy-products')).toBe(false);
  });

  it("records neither the caller's address and user agent nor the query string of a request", () => {
    const withheld = hooks.startIncomingSpanHook?.(incoming('/buyers?idNumber=330102199001011234'));
    for (const name of ['url.query', 'client.address', 'network.peer.address', 'user_agent.original'])
      expect(withheld).toHaveProperty([name], undefined);
  });

  it('records an outgoing URL without its query (presigned URLs carry signatures there)', () => {
    expect(
      urlWithoutQuery({
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: 19000,
        path: '/b/k?X-Amz-Signature=s',
      }),
    ).toBe('http://127.0.0.1:19000/b/k');
    expect(hooks.startOutgoingSpanHook?.({ host: 'evidence', path: '/objects/1?token=t' })).toEqual({
      'url.full': 'http://evidence/objects/1',
      'user_agent.original': undefined,
    });
  });

  it('names a server span by its route template, not by the values in its path', () => {
    const names: string[] = [];
    const attributes: Record<string, unknown> = {};
    const span = {
      updateName: (name: string) => names.push(name),
      setAttribute: (key: string, value: unknown) => (attributes[key] = value),
    } as unknown as Span;
    const routed = incoming('/batches/HZ2026-000123', {
      baseUrl: '',
      route: { path: '/batches/:batchNumber' },
    });
    hooks.applyCustomAttributesOnSpan?.(span, routed, {} as ServerResponse);
    expect(names).toEqual(['GET /batches/:batchNumber']);
    expect(attributes).toEqual({ 'http.route': '/batches/:batchNumber' });
  });
});
