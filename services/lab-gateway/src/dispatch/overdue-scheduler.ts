import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LabGatewayConfig } from '../lab-gateway.config';
import { ScanOverdueUseCase } from './scan-overdue.usecase';

/** Runs the overdue scan every OVERDUE_SCAN_INTERVAL_MS; a failed scan is logged and tried again. */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OverdueScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly config: LabGatewayConfig,
    private readonly scan: ScanOverdueUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.scan.execute().catch((error: unknown) => {
        this.logger.error({ err: error }, 'overdue scan failed');
      });
    }, this.config.OVERDUE_SCAN_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
