import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * Whether start-up finished: the service's topics exist and its Kafka consumer runs. The HTTP
 * server listens before that (so /health answers while the broker is still coming), but it is
 * not ready until then: a caller that waits for ready may rely on every topic being there.
 */
@Injectable()
export class StartupState {
  private started = false;

  constructor(private readonly health: HealthIndicatorService) {}

  markStarted(): void {
    this.started = true;
  }

  isReady(key = 'startup') {
    const session = this.health.check(key);
    return this.started ? session.up() : session.down({ message: 'topics and consumer are still starting' });
  }
}
