import { conflict, ErrorCode } from '@qis/domain';

/**
 * The one "now" of a service whose dates other services count legal periods from (enforcement's
 * deadlines, the lab gateway's dispatch and receipt times): every use case reads it, never
 * `new Date()`. Development and test may move it forward (`POST /ops/clock`) when the service's
 * CLOCK_OVERRIDE_ENABLED is true, which production refuses at boot, so the demo and tests exercise
 * the legal clocks as they run instead of back-dating records. Each service injects a subclass that
 * reads its own configuration.
 */
export class ServiceClock {
  private offsetMs = 0;

  constructor(private readonly overrideEnabled: boolean) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far the clock runs ahead of the wall clock (0 unless moved). */
  get offset(): number {
    return this.offsetMs;
  }

  get overridable(): boolean {
    return this.overrideEnabled;
  }

  /** Moves the clock `byMs` further ahead; it never goes back (a legal clock only runs forward). */
  advance(byMs: number): Date {
    if (!this.overridable)
      throw conflict(
        'the clock cannot be moved: CLOCK_OVERRIDE_ENABLED is not true (development and test only)',
        ErrorCode.clockOverrideDisabled,
      );
    this.offsetMs += byMs;
    return this.now();
  }
}
