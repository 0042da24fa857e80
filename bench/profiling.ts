/**
 * CPU profiles of the services a benchmark spawns (BENCH_CPU_PROFILE_DIR): the service runs with
 * `cpu-profile.js` preloaded (NODE_OPTIONS refuses `--cpu-prof`), and the benchmark cuts the
 * profile around the phase it wants with SIGUSR2. `node dist/bench/flame-graph.js` draws one.
 */
import path from 'node:path';

/** Where the profiles go; profiling is off without it. */
export const PROFILE_DIR = process.env['BENCH_CPU_PROFILE_DIR'];

/** The NODE_OPTIONS entry that preloads the profiler into a spawned service. */
export const PROFILER_PRELOAD = `--require ${path.join(__dirname, 'cpu-profile.js')}`;

/**
 * A spawned service's NODE_OPTIONS: BENCH_SERVICE_NODE_OPTIONS (e.g. a V8 flag under trial), and
 * the profiler when `profile` is set.
 */
export function serviceNodeOptions(profile: boolean): Record<string, string> {
  const options = [process.env['BENCH_SERVICE_NODE_OPTIONS'], profile ? PROFILER_PRELOAD : undefined].filter(
    (o): o is string => Boolean(o),
  );
  return options.length > 0 ? { NODE_OPTIONS: options.join(' ') } : {};
}

/**
 * Has the profiler of `pid` write its profile so far (and start again); allows it 3 s to write.
 * Answers the profile's file.
 */
export async function cutProfile(pid: number): Promise<string> {
  process.kill(pid, 'SIGUSR2');
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return path.join(PROFILE_DIR ?? '.', `${pid}.cpuprofile`);
}
