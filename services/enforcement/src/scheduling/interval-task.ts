import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs `run()` every `intervalMs` after boot, one run at a time; a failed run is logged and the
 * next tick tries again. Shutdown waits for the run in progress.
 */
export abstract class IntervalTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  protected abstract readonly logger: Logger;
  /** Milliseconds between runs, or null to stay off. */
  protected abstract intervalMs(): number | null;
  protected abstract run(): Promise<unknown>;

  onApplicationBootstrap(): void {
    const interval = this.intervalMs();
    if (interval === null) return;
    this.timer = setInterval(() => this.tick(), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.running.then(() =>
      this.run().catch((error: unknown) => this.logger.error({ err: String(error) }, 'scheduled run failed')),
    );
  }
}
