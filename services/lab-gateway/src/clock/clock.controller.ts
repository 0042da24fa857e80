import { clockController } from '@qis/runtime';
import { Clock } from './clock';

export const ClockController = clockController(Clock, {
  read: 'The time the lab gateway reads',
  advance:
    'Development and test: move the clock forward, in step with enforcement’s (CLOCK_OVERRIDE_ENABLED=true, refused at boot in production)',
});
