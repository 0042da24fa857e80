import cluster, { type Worker } from 'node:cluster';
import type { ServiceConfig } from '@qis/config';
import { bootstrapService, configOrExit, MIGRATE_ONLY_ARG } from './bootstrap';
import type { ServiceDefinition } from './service-definition';

/**
 * Boots the service in `workersOf(config)` processes behind one port (Node's cluster module: the
 * primary accepts the connections and hands them to the workers in turn), or in this process when
 * that is 1. Each worker is the whole service, as a replica is: its HTTP API, its Kafka consumer in
 * the service's group, the outbox relay and the schedulers. Exactly-once does not depend on how many
 * run: the inbox records each event in its handler's transaction, the relay sends only while it
 * holds the database's advisory lock, and the scans claim their rows with SKIP LOCKED.
 *
 * The first worker starts alone and migrates the database; the others start once it listens. A
 * worker that exits on its own stops the others and the primary exits 1 (the supervisor restarts
 * the service, as it would one process). SIGTERM or SIGINT to the primary: each worker gets
 * SIGTERM, closes gracefully, and the primary exits 0 once all exited 0.
 */
export async function bootstrapInWorkers<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  workersOf: (config: C) => number,
): Promise<void> {
  if (cluster.isWorker || process.argv.includes(MIGRATE_ONLY_ARG)) {
    await bootstrapService(def);
    return;
  }
  const count = workersOf(configOrExit(def));
  if (count <= 1) {
    await bootstrapService(def);
    return;
  }
  superviseWorkers(def.name, count);
}

function superviseWorkers(service: string, count: number): void {
  const log = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
    process.stdout.write(
      `${JSON.stringify({ level, time: new Date().toISOString(), service, pid: process.pid, msg, ...fields })}\n`,
    );
  const running = new Set<Worker>();
  let stopping = false;
  let failed = false;
  const stopAll = () => {
    for (const worker of running) worker.process.kill('SIGTERM');
  };
  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    if (code !== 0) failed = true;
    if (!stopping) {
      stopping = true;
      log('error', 'a worker exited on its own: stopping the others', {
        worker: worker.process.pid,
        code,
        signal,
      });
      stopAll();
    }
    if (running.size === 0) process.exit(failed ? 1 : 0);
  });
  const fork = () => running.add(cluster.fork());
  fork();
  cluster.once('listening', () => {
    if (stopping) return;
    for (let i = 1; i < count; i++) fork();
    log('info', `${count} workers behind one port`, { workers: [...running].map((w) => w.process.pid) });
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log('info', `received ${signal}, stopping ${running.size} workers`);
      stopAll();
    });
}
