import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  TypeOrmHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '@qis/auth';
import { KafkaHealthIndicator } from '@qis/messaging';
import { ObjectStoreHealthIndicator } from '@qis/storage';
import { StartupState } from './startup-state';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly checks: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    db: TypeOrmHealthIndicator,
    kafka: KafkaHealthIndicator,
    startup: StartupState,
    @Optional() @Inject(ObjectStoreHealthIndicator) objectStore?: ObjectStoreHealthIndicator,
  ) {
    this.checks = [
      () => startup.isReady('startup'),
      () => db.pingCheck('database', { timeout: 2_000 }),
      () => kafka.isReady('kafka'),
    ];
    if (objectStore) this.checks.push(() => objectStore.isReady('objectStore'));
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: started (topics and consumer), database, Kafka (and object store) reachable; 503 otherwise',
  })
  ready() {
    return this.health.check(this.checks);
  }
}
