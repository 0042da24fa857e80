import { Transform } from 'class-transformer';
import { IsNumber, IsUrl, Max, Min, ValidateIf } from 'class-validator';

/** `@Transform(envNumber)`: a decimal number variable arrives as a string. */
const envNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;

/**
 * OpenTelemetry traces (`@qis/tracing`): every service reads these before anything else starts,
 * and `ServiceConfig` extends this class, so a bad value stops the boot naming the variable.
 */
export class TracingConfig {
  /**
   * OTLP/HTTP base URL of the trace collector (Jaeger, an OpenTelemetry Collector); spans go to
   * `<url>/v1/traces`. Unset: no spans are recorded or exported (each event still carries a W3C
   * `traceparent`).
   */
  @ValidateIf((config: TracingConfig) => config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined)
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be the http(s) base URL of an OTLP/HTTP collector (e.g. http://jaeger:4318)' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT?: string = undefined;

  /**
   * Share of new traces recorded, 0 to 1. Parent-based: a request or an event that arrives with a
   * sampled (or unsampled) `traceparent` keeps its caller's decision, so a trace is never cut.
   */
  @Transform(envNumber)
  @IsNumber({}, { message: 'must be a number between 0 and 1' })
  @Min(0, { message: 'must be a number between 0 and 1' })
  @Max(1, { message: 'must be a number between 0 and 1' })
  TRACES_SAMPLE_RATIO = 1;
}
