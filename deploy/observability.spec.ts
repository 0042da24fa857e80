import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

/** Every metric the code declares (`name: 'qis_…'` in the runtime's metrics and the services' definitions). */
function declaredMetrics(): Set<string> {
  const files = [
    'libs/runtime/src/metrics/service-metrics.ts',
    ...readdirSync(path.join(ROOT, 'services')).map((s) => `services/${s}/src/${s}.definition.ts`),
  ];
  const names = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = read(file);
    } catch {
      continue;
    }
    for (const m of text.matchAll(/name: '(qis_[a-z0-9_]+)'/g)) names.add(m[1]);
  }
  return names;
}

/** Metric names an expression reads (histogram series reduced to the histogram's name). */
const metricsIn = (expr: string): string[] =>
  [...expr.matchAll(/\bqis_[a-z0-9_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));

interface Rule {
  alert: string;
  expr: string;
  labels?: { severity?: string };
  annotations?: { summary?: string };
}

describe('deploy/observability: alert rules and dashboard', () => {
  const declared = declaredMetrics();
  const rules = (
    parse(read('deploy/observability/alerts.yml')) as { groups: Array<{ rules: Rule[] }> }
  ).groups.flatMap((g) => g.rules);
  const dashboard = JSON.parse(read('deploy/observability/grafana-dashboard.json')) as {
    panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
  };

  it('alerts on what the operators must act on, each with a severity and a summary', () => {
    expect(rules.map((r) => r.alert).sort()).toEqual(
      expect.arrayContaining([
        'LegalDeadlineAtRisk',
        'DeadLettersArriving',
        'OutboxStalled',
        'ConsumerLagging',
      ]),
    );
    for (const rule of rules) {
      expect(['warning', 'critical']).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary).toBeTruthy();
    }
  });

  it('reads only metrics the services declare (a renamed metric cannot silence an alert or blank a panel)', () => {
    expect(declared.size).toBeGreaterThanOrEqual(10);
    const used = [
      ...rules.map((r) => r.expr),
      ...dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)),
    ];
    const unknown = used.flatMap(metricsIn).filter((name) => !declared.has(name));
    expect(unknown).toEqual([]);
    expect(used.flatMap(metricsIn).length).toBeGreaterThan(10);
  });
});
