/** One span of a trace as the Jaeger query service returns it, reduced to what a reader needs. */
export interface TraceSpan {
  spanId: string;
  /** The parent span (CHILD_OF), possibly in another service, or none for the trace's root. */
  parentSpanId?: string;
  /** Spans this one is linked to (FOLLOWS_FROM): a batch handler's events. */
  links: string[];
  /** `qis-<service>` */
  service: string;
  name: string;
  /** `server`, `client`, `producer`, `consumer`, or undefined for an internal span */
  kind?: string;
  startMicros: number;
  durationMicros: number;
  attributes: Record<string, string | number | boolean>;
}

interface JaegerSpan {
  spanID: string;
  operationName: string;
  references?: Array<{ refType: 'CHILD_OF' | 'FOLLOWS_FROM'; spanID: string }>;
  startTime: number;
  duration: number;
  tags?: Array<{ key: string; value: string | number | boolean }>;
  processID: string;
}

interface JaegerTraces {
  data?: Array<{ spans: JaegerSpan[]; processes: Record<string, { serviceName: string }> }>;
}

/**
 * The spans of trace `traceId` held by the Jaeger query service at `queryUrl` (its HTTP API, the
 * one its UI reads: `/api/traces/<id>`), in start order; empty while it holds none.
 */
export async function readJaegerTrace(queryUrl: string, traceId: string): Promise<TraceSpan[]> {
  const response = await fetch(`${queryUrl.replace(/\/+$/, '')}/api/traces/${traceId}`);
  if (response.status === 404) return [];
  if (!response.ok) throw new Error(`Jaeger answered ${response.status} for trace ${traceId}`);
  const body = (await response.json()) as JaegerTraces;
  return (body.data ?? [])
    .flatMap(({ spans, processes }) =>
      spans.map((span): TraceSpan => {
        const attributes = Object.fromEntries((span.tags ?? []).map((t) => [t.key, t.value]));
        const refs = span.references ?? [];
        return {
          spanId: span.spanID,
          parentSpanId: refs.find((r) => r.refType === 'CHILD_OF')?.spanID,
          links: refs.filter((r) => r.refType === 'FOLLOWS_FROM').map((r) => r.spanID),
          service: processes[span.processID]?.serviceName ?? '?',
          name: span.operationName,
          kind: typeof attributes['span.kind'] === 'string' ? attributes['span.kind'] : undefined,
          startMicros: span.startTime,
          durationMicros: span.duration,
          attributes,
        };
      }),
    )
    .sort((a, b) => a.startMicros - b.startMicros);
}

/** The trace as an indented tree, one span a line: `service  name  duration`, children below. */
export function formatTraceTree(spans: readonly TraceSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string | undefined, TraceSpan[]>();
  for (const span of spans) {
    // A parent outside the trace as stored (the caller's, or not exported yet) makes a root.
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    for (const span of children.get(parent) ?? []) {
      const ms = (span.durationMicros / 1000).toFixed(1);
      const batch = span.attributes['qis.batch_number']
        ? `  [${String(span.attributes['qis.batch_number'])}]`
        : '';
      lines.push(`${'  '.repeat(depth)}${span.service}  ${span.name}  ${ms} ms${batch}`);
      walk(span.spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines.join('\n');
}
