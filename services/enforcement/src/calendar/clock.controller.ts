import { clockController } from '@qis/runtime';
import { Clock } from '../kernel/clock';

export const ClockController = clockController(Clock, {
  read: 'The time enforcement’s legal clocks read',
  advance:
    'Development and test: move the legal clocks forward (CLOCK_OVERRIDE_ENABLED=true, refused at boot in production)',
});
