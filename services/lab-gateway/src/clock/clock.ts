import { ConflictException, Injectable, Optional } from '@nestjs/common';
import { LabGatewayConfig } from '../lab-gateway.config';

/**
 * The one "now" of the lab gateway's dates that other services count deadlines from (dispatch,
 * acceptance, progress, the bureau's receipt of a report) and of its own (testing periods,
 * overdue alerts): every use case reads it, never `new Date()`. Development and test may move it
 * forward (`POST /ops/clock`) when `CLOCK_OVERRIDE_ENABLED=true`, which production refuses at
 * boot, so it keeps step with enforcement's clock when the demo lets the legal periods run out.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  constructor(@Optional() private readonly config?: LabGatewayConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** How far the clock runs ahead of the wall clock (0 unless moved). */
  get offset(): number {
    return this.offsetMs;
  }

  get overridable(): boolean {
    return this.config?.CLOCK_OVERRIDE_ENABLED === true;
  }

  /** Moves the clock `byMs` further ahead; it never goes back. */
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
