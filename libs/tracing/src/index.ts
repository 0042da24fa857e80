export { httpSpanHooks, urlWithoutQuery } from './http-span-hooks';
export { formatTraceTree, readJaegerTrace, type TraceSpan } from './jaeger-trace';
export { startTracing, stopTracing } from './start-tracing';
