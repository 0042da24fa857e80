import { ConflictException, Injectable, Optional } from '@nestjs/common';
import { EnforcementConfig } from '../enforcement.config';

/**
 * The one "now" of enforcement's legal clocks (deadlines, objection windows, finality, routing):
 * every use case reads it, never `new Date()`. Development and test may move it forward with an
 * offset (`POST /ops/clock`) when `CLOCK_OVERRIDE_ENABLED=true`, which production refuses at boot,
 * so the demo and tests exercise the clocks as they run instead of back-dating records.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  constructor(@Optional() private readonly config?: EnforcementConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far the clock runs ahead of the wall clock (0 unless overridden). */
  get offset(): number {
    return this.offsetMs;
  }

  get overridable(): boolean {
    return this.config?.CLOCK_OVERRIDE_ENABLED === true;
  }

  /** Moves the clock `byMs` further ahead; it never goes back (a legal clock only runs forward). */
  advance(byMs: number): Date {
    if (!this.overridable)
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'the clock cannot be moved: CLOCK_OVERRIDE_ENABLED is not true (development and test only)',
      });
    this.offsetMs += byMs;
    return this.now();
  }
}
