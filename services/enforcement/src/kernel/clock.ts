import { Injectable, Optional } from '@nestjs/common';
import { ServiceClock } from '@qis/runtime';
import { EnforcementConfig } from '../enforcement.config';

/**
 * The one "now" of enforcement's legal clocks (deadlines, objection windows, finality, routing),
 * movable in development and test (ServiceClock).
 */
@Injectable()
export class Clock extends ServiceClock {
  constructor(@Optional() config?: EnforcementConfig) {
    super(config?.CLOCK_OVERRIDE_ENABLED === true);
  }
}
