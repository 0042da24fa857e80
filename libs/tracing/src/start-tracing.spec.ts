import { ConfigError, loadConfig, TracingConfig } from '@qis/config';
import { startTracing } from './start-tracing';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(TracingConfig, env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? [...error.problems] : [String(error)];
  }
};

describe('tracing configuration', () => {
  it('records nothing without a collector: an unset or empty OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(startTracing('planning', {})).toBe(false);
    expect(startTracing('planning', { OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
  });

  it('names a collector URL or a sample ratio it cannot use, and starts nothing with them', () => {
    expect(problems({ OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' })).toEqual([
      expect.stringMatching(
        /^OTEL_EXPORTER_OTLP_ENDPOINT="jaeger:4318" is invalid: must be the http\(s\) base URL/,
      ),
    ]);
    for (const ratio of ['2', '-0.5', 'half'])
      expect(problems({ TRACES_SAMPLE_RATIO: ratio })).toEqual([
        expect.stringMatching(/^TRACES_SAMPLE_RATIO=.* is invalid: must be a number between 0 and 1/),
      ]);
    expect(startTracing('planning', { OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' })).toBe(false);
  });

  it('takes an http(s) collector and a ratio between 0 and 1', () => {
    expect(
      loadConfig(TracingConfig, {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        TRACES_SAMPLE_RATIO: '0.25',
      }),
    ).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', TRACES_SAMPLE_RATIO: 0.25 });
  });
});
