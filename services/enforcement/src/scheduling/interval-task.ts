import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs `run()` every `intervalMs` after boot, one run at a time; a failed run is logged and the
 * next tick tries again. A run whose result `runAgain` accepts (a full round of a backlog) is
 * followed by another at once, so a burst drains at the rate the work allows rather than one round
 * an interval. Shutdown stops that and waits for the run in progress.
 */
export abstract class IntervalTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  protected abstract readonly logger: Logger;
  /** Milliseconds between runs, or null to stay off. */
  protected abstract intervalMs(): number | null;
  protected abstract run(): Promise<unknown>;

  /** Whether to run again at once after a run that answered `result` (by default, never). */
  protected runAgain(_result: unknown): boolean {
    return false;
  }

  onApplicationBootstrap(): void {
    const interval = this.intervalMs();
    if (interval === null) return;
    this.timer = setInterval(() => void this.tick(), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One tick: a run, and more at once while `runAgain` asks for them. */
  protected tick(): Promise<unknown> {
    this.running = this.running.then(async () => {
      try {
        let again = true;
        while (again && !this.stopping) again = this.runAgain(await this.run());
      } catch (error) {
        this.logger.error({ err: String(error) }, 'scheduled run failed');
      }
    });
    return this.running;
  }
}
