/**
 * The whole pipeline under load (issue 11): BENCH_BATCHES batches (default 5,000) end to end
 * through the six services as built processes, driven by the demo's simulated actors over HTTP
 * and Kafka. Prints batches per minute, the latency of each stage (p50/p99 of the time from the
 * previous stage), each service's CPU seconds and peak memory, and names the slowest stage.
 *
 * Then, in the same run on a fresh stack, each stage's own maximum rate (issue 18): BENCH_STAGE_BATCHES
 * batches (default BENCH_BATCHES) driven one stage at a time, every batch through a stage before the
 * next starts, through the same APIs and topics (planning: import, plan, selection, issue; purchasing:
 * assignment to shipment; evidence: intake, unpacking, sealing; lab: accept to report; enforcement:
 * result notices delivered; disclosure: final, cases closed, published). The pipeline's rate is
 * compared to the slowest stage's with the buyers' think time at zero (goal ≥ 0.8×): with
 * BENCH_THINK_MS above 0, a second pipeline run without it gives the ratio.
 *
 *   npm run bench -- pipeline      (BENCH_BATCHES=5000 BENCH_CONCURRENCY=32 BENCH_BUYERS=60
 *                                   BENCH_STAGE_BATCHES=5000 BENCH_THINK_MS=0)
 */
import { loadavg } from 'node:os';
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
import { startPipelineStack, type PipelineStack } from '../tools/demo/src/testing/pipeline-stack';

const BATCHES = Number(process.env['BENCH_BATCHES'] ?? 5_000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const BUYERS = Number(process.env['BENCH_BUYERS'] ?? 60);
const SEED = Number(process.env['BENCH_SEED'] ?? 7);
const STAGE_BATCHES = Number(process.env['BENCH_STAGE_BATCHES'] ?? BATCHES);
/** The simulated buyers' think time before each of their steps (none until issue 18 made it a parameter). */
const THINK_MS = Number(process.env['BENCH_THINK_MS'] ?? 0);
/** Issue 18: the pipeline's rate at least this share of its slowest stage's rate alone. */
const RATIO_GOAL = 0.8;

const runId = randomBytes(3).toString('hex');
// Test mode: the evidence bucket uses GOVERNANCE lock, so the bench can remove what it stored.
Object.assign(process.env, {
  ...localInfraEnv(),
  ...process.env,
  QIS_ENV: 'test',
  // The campaign moves enforcement's and the lab gateway's clocks past the objection windows.
  CLOCK_OVERRIDE_ENABLED: 'true',
  LOG_LEVEL: 'error',
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

/** One pipeline run: `count` batches planned and driven end to end; batches per minute. */
interface PipelineRun {
  outcomes: BatchOutcome[];
  issued: number;
  finished: number;
  minutes: number;
  rate: number;
}

async function pipelineRun(
  campaign: Campaign,
  count: number,
  out: (line: string) => void,
): Promise<PipelineRun> {
  const issued = await campaign.plan(Math.ceil(count / 10));
  const start = Date.now();
  const ticker = setInterval(() => {
    const done = issued.filter((b) => {
      const o = campaign.outcomes.get(b.batchNumber);
      return o?.at.published || o?.at.notified;
    }).length;
    out(
      `${((Date.now() - start) / 1000).toFixed(0)} s: ${done}/${issued.length} batches notified or published`,
    );
  }, 15_000);
  const outcomes = await campaign
    .run(issued, (batch) => campaign.randomScript(batch.category), CONCURRENCY)
    .finally(() => clearInterval(ticker));
  const minutes = (Date.now() - start) / 60_000;
  const finished = outcomes.filter((o) => o.at.published || (o.publicNotice && o.at.notified)).length;
  return { outcomes, issued: issued.length, finished, minutes, rate: finished / minutes };
}

/**
 * Runs `measure` on a stack of its own: fresh databases, clocks at the wall clock, topics under a
 * prefix of their own. A campaign moves the clocks 25 days past the objection windows; a second
 * campaign on the same stack would receive its notices there and count its windows into a year the
 * calendar does not know yet (enforcement then leaves the deadlines pending).
 */
async function onFreshStack(
  name: string,
  world: ReturnType<typeof buildWorld>,
  out: (line: string) => void,
  measure: (campaign: Campaign, stack: PipelineStack) => Promise<void>,
): Promise<void> {
  const prefix = `bench-pipe-${runId}-${name}.`;
  process.env['KAFKA_TOPIC_PREFIX'] = prefix;
  const stack = await startPipelineStack({
    planning: { LOG_LEVEL: 'error' },
    purchasing: { LOG_LEVEL: 'error' },
    evidence: { LOG_LEVEL: 'error' },
    'lab-gateway': { LOG_LEVEL: 'error' },
    enforcement: { LOG_LEVEL: 'error' },
    disclosure: { LOG_LEVEL: 'error' },
  });
  // Interrupted: stop the six service processes too, never leave them running on their own.
  const interrupted = (signal: NodeJS.Signals) => {
    out(`${signal}: stopping the services`);
    void stack.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  const watcher = await EventWatcher.start({ topics: CAMPAIGN_TOPICS });
  try {
    const campaign = new Campaign({
      actors: stack.actors,
      watcher,
      world,
      seed: SEED,
      buyers: BUYERS,
      thinkMs: THINK_MS,
      stepTimeoutMs: 600_000,
      log: out,
    });
    await campaign.setUp();
    await measure(campaign, stack);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await watcher.stop();
    // Clean-up is best effort: a failure here is reported, the figures above stand.
    await stack.stop().catch((error: unknown) => out(`clean-up of the stack failed: ${String(error)}`));
    await deleteTopicsWithPrefix(prefix);
  }
}

async function main(): Promise<void> {
  const most = Math.max(BATCHES, STAGE_BATCHES);
  const world = buildWorld(SEED, { sellers: Math.max(400, most), listings: Math.max(2_000, most * 3) });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  let atZero: PipelineRun | undefined;
  await onFreshStack('pipeline', world, out, async (campaign, stack) => {
    const before = new Map(stack.processes.map((p) => [p.name, usage(p.child.pid as number)]));
    const run = await pipelineRun(campaign, BATCHES, out);
    if (THINK_MS === 0) atZero = run;
    const { outcomes, minutes } = run;
    out(summary(outcomes, `${stack.urls.disclosure}/`));
    out(
      `\n${run.issued} batches issued, ${run.finished} through to publication (or a public notice) in ` +
        `${minutes.toFixed(1)} min: ${run.rate.toFixed(1)} batches/min ` +
        `(concurrency ${CONCURRENCY}, ${BUYERS} buyers, 4 labs, buyers' think time ${THINK_MS} ms)`,
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
  });

  // The ratio is taken with the buyers' think time at zero: a second pipeline run when it was not.
  if (!atZero)
    await onFreshStack('pipeline-no-think', world, out, async (campaign) => {
      campaign.thinkMs = 0;
      atZero = await pipelineRun(campaign, BATCHES, out);
      out(
        `\nthe pipeline with no think time: ${atZero.finished} in ${atZero.minutes.toFixed(1)} min: ` +
          `${atZero.rate.toFixed(1)} batches/min`,
      );
    });

  // Each stage alone: planning timed around its calls, then the other stages one after another.
  await onFreshStack('stages', world, out, async (campaign) => {
    campaign.thinkMs = 0;
    const planningStart = Date.now();
    const issued = await campaign.plan(Math.ceil(STAGE_BATCHES / 10));
    const stages = [
      { stage: 'planning', batches: issued.length, errors: 0, ms: Date.now() - planningStart },
      ...(await campaign.runByStage(issued, (batch) => campaign.randomScript(batch.category), CONCURRENCY)),
    ];
    const unit: Record<string, string> = {
      planning: 'batches issued (import, plan, selection, issue)',
      purchasing: 'orders placed and shipped (from the assignment)',
      evidence: 'parcels received, unpacked and sealed',
      lab: 'reports submitted (accept to report)',
      enforcement: 'result notices delivered',
      disclosure: 'results final and published (cases closed)',
    };
    out(
      `\n${'stage alone'.padEnd(14)} ${'what'.padEnd(50)} ${'n'.padStart(6)} ${'errors'.padStart(7)} ${'s'.padStart(8)} ${'per min'.padStart(9)}`,
    );
    const rates = stages.map((r) => ({ ...r, perMin: r.batches / (r.ms / 60_000) }));
    for (const r of rates)
      out(
        `${r.stage.padEnd(14)} ${(unit[r.stage] ?? '').padEnd(50)} ${String(r.batches).padStart(6)} ${String(r.errors).padStart(7)} ${(r.ms / 1000).toFixed(1).padStart(8)} ${r.perMin.toFixed(1).padStart(9)}`,
      );
    const slowestAlone = rates.filter((r) => r.batches > 0).sort((a, b) => a.perMin - b.perMin)[0];
    if (slowestAlone && atZero) {
      const ratio = atZero.rate / slowestAlone.perMin;
      out(
        `\npipeline ${atZero.rate.toFixed(1)} batches/min (think time 0) / slowest stage alone ` +
          `${slowestAlone.stage} ${slowestAlone.perMin.toFixed(1)}/min = ${ratio.toFixed(2)}x ` +
          `(issue 18 goal >= ${RATIO_GOAL}x: ${ratio >= RATIO_GOAL ? 'PASS' : 'FAIL'})`,
      );
    }
  });
  out(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
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
