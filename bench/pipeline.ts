/**
 * The whole pipeline under load (issue 11): BENCH_BATCHES batches (default 5,000) end to end
 * through the six services as built processes, driven by the demo's simulated actors over HTTP
 * and Kafka. Prints batches per minute, the latency of each stage (p50/p99 of the time from the
 * previous stage), each service's CPU seconds and peak memory, and names the slowest stage.
 *
 *   npm run bench -- pipeline      (BENCH_BATCHES=5000 BENCH_CONCURRENCY=32 BENCH_BUYERS=60)
 */
import { readFileSync } from 'node:fs';
import { deleteTopicsWithPrefix, localInfraEnv } from '@qis/testing';
import { randomBytes } from 'node:crypto';
import { EventWatcher } from '../tools/demo/src/actors';
import {
  Campaign,
  CAMPAIGN_TOPICS,
  STAGES,
  type BatchOutcome,
  type Stage,
} from '../tools/demo/src/campaign/campaign';
import { summary } from '../tools/demo/src/campaign/report';
import { buildWorld } from '../tools/demo/src/campaign/world';
import { startPipelineStack } from '../tools/demo/src/testing/pipeline-stack';

const BATCHES = Number(process.env['BENCH_BATCHES'] ?? 5_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const BUYERS = Number(process.env['BENCH_BUYERS'] ?? 60);
const SEED = Number(process.env['BENCH_SEED'] ?? 7);

const prefix = `bench-pipe-${randomBytes(3).toString('hex')}.`;
// Test mode: the evidence bucket uses GOVERNANCE lock, so the bench can remove what it stored.
Object.assign(process.env, {
  ...localInfraEnv(),
  ...process.env,
  QIS_ENV: 'test',
  LOG_LEVEL: 'error',
  KAFKA_TOPIC_PREFIX: prefix,
});

/** CPU seconds (user + system) and peak RSS (VmHWM, MB) of a process from /proc. */
function usage(pid: number): { cpu: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
  return { cpu: (Number(stat[11]) + Number(stat[12])) / 100, peakMb: hwm ? Number(hwm[1]) / 1024 : 0 };
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0
    ? NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number);

/** The time each stage took: from the stage before it that the batch reached. */
function stageLatencies(
  outcomes: BatchOutcome[],
): Array<{ stage: Stage; n: number; p50: number; p99: number }> {
  const rows = [];
  for (const [i, stage] of STAGES.entries()) {
    if (i === 0) continue;
    const samples: number[] = [];
    for (const o of outcomes) {
      const end = o.at[stage];
      if (end === undefined) continue;
      const previous = STAGES.slice(0, i)
        .reverse()
        .map((s) => o.at[s])
        .find((t) => t !== undefined);
      if (previous !== undefined) samples.push(end - previous);
    }
    samples.sort((a, b) => a - b);
    rows.push({ stage, n: samples.length, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) });
  }
  return rows;
}

async function main(): Promise<void> {
  const perCategory = Math.ceil(BATCHES / 10);
  const world = buildWorld(SEED, { sellers: Math.max(400, BATCHES), listings: Math.max(2_000, BATCHES * 3) });
  const stack = await startPipelineStack({
    planning: { LOG_LEVEL: 'error' },
    purchasing: { LOG_LEVEL: 'error' },
    evidence: { LOG_LEVEL: 'error' },
    'lab-gateway': { LOG_LEVEL: 'error' },
    enforcement: { LOG_LEVEL: 'error' },
    disclosure: { LOG_LEVEL: 'error' },
  });
  const watcher = await EventWatcher.start({
    topics: CAMPAIGN_TOPICS,
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  // Interrupted: stop the six service processes too, never leave them running on their own.
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      out(`${signal}: stopping the services`);
      void stack.stop().finally(() => process.exit(130));
    });
  try {
    const campaign = new Campaign({
      actors: stack.actors,
      watcher,
      world,
      seed: SEED,
      buyers: BUYERS,
      stepTimeoutMs: 600_000,
      log: out,
    });
    await campaign.setUp();
    const issued = await campaign.plan(perCategory);
    const before = new Map(stack.processes.map((p) => [p.name, usage(p.child.pid as number)]));
    const start = Date.now();
    const ticker = setInterval(() => {
      const done = [...campaign.outcomes.values()].filter((o) => o.at.published || o.at.notified).length;
      out(
        `${((Date.now() - start) / 1000).toFixed(0)} s: ${done}/${issued.length} batches notified or published`,
      );
    }, 15_000);
    const outcomes = await campaign
      .run(issued, (batch) => campaign.randomScript(batch.category), CONCURRENCY)
      .finally(() => clearInterval(ticker));
    const minutes = (Date.now() - start) / 60_000;
    const finished = outcomes.filter((o) => o.at.published || (o.publicNotice && o.at.notified));
    out(summary(outcomes, `${stack.urls.disclosure}/`));
    out(
      `\n${issued.length} batches issued, ${finished.length} through to publication (or a public notice) in ` +
        `${minutes.toFixed(1)} min: ${(finished.length / minutes).toFixed(1)} batches/min ` +
        `(concurrency ${CONCURRENCY}, ${BUYERS} buyers, 4 labs)`,
    );
    const latencies = stageLatencies(outcomes);
    out(
      `\n${'stage (time since the previous stage)'.padEnd(40)} ${'n'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)}`,
    );
    for (const r of latencies)
      out(
        `${r.stage.padEnd(40)} ${String(r.n).padStart(6)} ${r.p50.toFixed(0).padStart(9)} ${r.p99.toFixed(0).padStart(9)}`,
      );
    const byP50 = latencies.filter((r) => r.n > 0).sort((a, b) => b.p50 - a.p50);
    const slowest = byP50[0];
    out(`\nslowest stage (by p50): ${slowest?.stage} (${slowest?.p50.toFixed(0)} ms)`);
    // Assignment includes the wait for a free buyer when more batches are issued than actors work.
    const working = byP50.find((r) => r.stage !== 'assigned');
    out(`slowest stage once a buyer has the batch: ${working?.stage} (${working?.p50.toFixed(0)} ms)`);
    out(
      `\n${'service'.padEnd(14)} ${'CPU s'.padStart(8)} ${'CPU %'.padStart(7)} ${'peak RSS MB'.padStart(12)}`,
    );
    for (const p of stack.processes) {
      const now = usage(p.child.pid as number);
      const cpu = now.cpu - (before.get(p.name)?.cpu ?? 0);
      out(
        `${p.name.padEnd(14)} ${cpu.toFixed(1).padStart(8)} ${((100 * cpu) / (minutes * 60)).toFixed(0).padStart(7)} ${now.peakMb.toFixed(0).padStart(12)}`,
      );
    }
  } finally {
    await watcher.stop();
    // Clean-up is best effort: a failure here is reported, the figures above stand.
    await stack.stop().catch((error: unknown) => out(`clean-up of the stack failed: ${String(error)}`));
    await deleteTopicsWithPrefix(prefix);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
