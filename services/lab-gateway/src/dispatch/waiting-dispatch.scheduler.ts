import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { LabGatewayConfig } from '../lab-gateway.config';
import { WaitingDispatches } from './waiting-dispatches';

/**
 * Draws waiting samples again every WAITING_DISPATCH_RETRY_MS, and at once when told a lab may have
 * become available (`kick`: the registry changed, or capacity was freed while samples wait).
 */
@Injectable()
export class WaitingDispatchScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WaitingDispatchScheduler.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;
  private again = false;

  constructor(
    private readonly config: LabGatewayConfig,
    private readonly waiting: WaitingDispatches,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.WAITING_DISPATCH_RETRY_MS);
    this.timer.unref();
    this.kick();
  }

  /** A lab may have become available: retry now (after the retry in flight, if any). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.waiting
      .retry()
      .catch((error: unknown) => this.logger.error({ err: error }, 'retry of waiting samples failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Capacity was freed: worth a retry only while samples wait. */
  capacityFreed(): void {
    if (this.waiting.anyWaiting) this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.again = false;
    await this.running;
  }
}
