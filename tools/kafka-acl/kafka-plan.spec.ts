import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as contractsLib from '@qis/contracts';
import { SERVICES } from '@qis/contracts';
import { stagePlans } from './kafka-plan';

const root = path.join(__dirname, '../..');

/** The service's source files, without tests. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [file] : [];
  });

/** The contracts a service's code consumes: `@ConsumeEvent(X)`, `@ConsumeEventBatch(X)`, `handler<…>(X, …)`. */
const consumedContracts = (service: string): string[] => {
  const names = new Set<string>();
  for (const file of sources(path.join(root, 'services', service, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/@ConsumeEvent(?:Batch)?\(\s*(\w+)\s*\)|handler<\w+>\(\s*(\w+)\s*,/g))
      names.add(m[1] ?? m[2]);
  }
  return [...names];
};

describe('the Kafka plan derived from the contracts', () => {
  // A handler whose event does not name its service among the consumers would get no Read ACL:
  // the broker would refuse its consumer (TOPIC_AUTHORIZATION_FAILED) once it runs as its principal.
  it.each([...SERVICES])('lets %s read every event its code consumes', (service) => {
    const plan = stagePlans().find((p) => p.service === service)!;
    const topics = consumedContracts(service).map((name) => {
      const contract = (contractsLib as unknown as Record<string, { topic?: string }>)[name];
      expect({ name, topic: contract?.topic }).toEqual({ name, topic: expect.any(String) });
      return contract!.topic!;
    });
    expect(topics.filter((t) => !plan.consumes.includes(t))).toEqual([]);
  });
});
