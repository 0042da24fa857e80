import { Injectable, Optional } from '@nestjs/common';
import { ServiceClock } from '@qis/runtime';
import { LabGatewayConfig } from '../lab-gateway.config';

/**
 * The one "now" of the lab gateway's dates that other services count deadlines from (dispatch,
 * acceptance, progress, the bureau's receipt of a report) and of its own (testing periods,
 * overdue alerts), movable in development and test in step with enforcement's (ServiceClock).
 */
@Injectable()
export class Clock extends ServiceClock {
  constructor(@Optional() config?: LabGatewayConfig) {
    super(config?.CLOCK_OVERRIDE_ENABLED === true);
  }
}
