import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ConfigError, loadConfig, TracingConfig } from '@qis/config';
import { httpSpanHooks } from './http-span-hooks';

let provider: NodeTracerProvider | undefined;

/**
 * Starts OpenTelemetry tracing for `service` when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans of
 * incoming and outgoing HTTP requests and of PostgreSQL statements (within a request or an event),
 * W3C trace context as the propagator, parent-based sampling at TRACES_SAMPLE_RATIO, batched OTLP
 * export. Call it before anything requires `http` or `pg` (each service's `tracing.ts`, imported
 * first by its main.ts). Returns whether tracing is on. A bad variable leaves tracing off here:
 * the service's own config check names it and stops the boot.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider) return true;
  let config: TracingConfig;
  try {
    config = loadConfig(TracingConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: `qis-${service}`,
      'service.namespace': 'qis',
      'deployment.environment.name': env['QIS_ENV'] ?? 'development',
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.TRACES_SAMPLE_RATIO) }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` }),
      ),
    ],
  });
  // The global tracer provider, AsyncLocalStorage context and the W3C trace-context propagator.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation(httpSpanHooks()),
      // Statements only under a request's or an event's span (not the relay's polling), never their
      // parameter values.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return true;
}

/** Exports the spans still buffered and stops tracing; at shutdown, before the process exits. */
export async function stopTracing(): Promise<void> {
  const started = provider;
  provider = undefined;
  await started?.shutdown().catch(() => undefined);
}
