import { Injectable, Logger } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';
import { IntervalTask } from '../scheduling/interval-task';
import { ScanDeadlinesUseCase } from './scan-deadlines.usecase';

/** Scans the due table every `DEADLINE_SCAN_INTERVAL_MS`; a failed scan is logged and retried next tick. */
@Injectable()
export class DeadlineScheduler extends IntervalTask {
  protected readonly logger = new Logger('DeadlineScheduler');

  constructor(
    private readonly scan: ScanDeadlinesUseCase,
    private readonly config: EnforcementConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.DEADLINE_SCAN_INTERVAL_MS;
  }

  protected run(): Promise<unknown> {
    return this.scan.execute();
  }
}
