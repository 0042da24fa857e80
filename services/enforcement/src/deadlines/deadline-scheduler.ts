import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';
import { ScanDeadlinesUseCase } from './scan-deadlines.usecase';

/** Scans the due table every `DEADLINE_SCAN_INTERVAL_MS`; a failed scan is logged and retried next tick. */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scan: ScanDeadlinesUseCase,
    private readonly config: EnforcementConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.DEADLINE_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    this.running = this.running.then(() =>
      this.scan
        .execute()
        .catch((error: unknown) => this.logger.error({ err: String(error) }, 'deadline scan failed')),
    );
  }
}
