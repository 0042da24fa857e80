/**
 * A CPU profiler to preload into a service a benchmark spawns (`node --require`, through
 * NODE_OPTIONS, which refuses `--cpu-prof`): it starts V8's sampling profiler when loaded and, on
 * SIGUSR2, writes the profile so far to `$BENCH_CPU_PROFILE_DIR/<pid>.cpuprofile` (the format of
 * Chrome DevTools and `bench/flame-graph.ts`) and starts a new one. The benchmark sends the signal
 * around the phase it wants (`bench/profiling.ts`: the lab-gateway and backbone benches).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env['BENCH_CPU_PROFILE_DIR'];
if (dir) {
  const session = new Session();
  session.connect();
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  const start = async () => {
    // Every 100 µs: a request costs about a millisecond.
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
  };
  void post('Profiler.enable').then(start);
  process.on('SIGUSR2', () => {
    void (async () => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
      await start();
    })();
  });
}
