import { Body, Controller, Get, HttpCode, Inject, Post, type Type } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { IsInt, Max, Min } from 'class-validator';
import type { ServiceClock } from './service-clock';

/** How far to move the service's clock forward (development and test only). */
export class AdvanceClockCommand {
  @ApiProperty({ example: 1_296_000_000, description: 'milliseconds to add (at most 400 days)' })
  @IsInt({ message: 'byMs must be an integer number of milliseconds' })
  @Min(1, { message: 'byMs must be at least 1: the clock only runs forward' })
  @Max(400 * 86_400_000, { message: 'byMs must be at most 400 days' })
  byMs!: number;
}

/** The service's clock: the time it reads, and how far ahead of the wall clock it runs. */
export class ClockView {
  @ApiProperty({ format: 'date-time' }) now!: string;
  @ApiProperty({ description: 'milliseconds ahead of the wall clock (0 unless moved in development/test)' })
  offsetMs!: number;
  @ApiProperty({ description: 'whether CLOCK_OVERRIDE_ENABLED lets an admin move it' }) overridable!: boolean;
}

/**
 * `GET /ops/clock` (admin, auditor) and `POST /ops/clock` (admin, audited) over a service's clock
 * class; the summaries say what that service's clock governs.
 */
export function clockController(
  clockType: Type<ServiceClock>,
  summaries: { read: string; advance: string },
): Type<unknown> {
  @ApiTags('ops')
  @Controller('ops/clock')
  class ClockController {
    constructor(
      // The service's own subclass of ServiceClock.
      @Inject(clockType) readonly clock: ServiceClock,
      readonly audit: AuditService,
    ) {}

    @Get()
    @Policy({ roles: ['admin', 'auditor'] })
    @ApiOperation({ summary: summaries.read })
    @ApiOkResponse({ type: ClockView })
    read(): ClockView {
      return this.view();
    }

    @Post()
    @HttpCode(200)
    @Policy({ roles: ['admin'] })
    @ApiOperation({ summary: summaries.advance })
    @ApiOkResponse({ type: ClockView })
    @ApiConflictResponse({ description: 'CLOCK_OVERRIDE_ENABLED is not true' })
    async advance(
      @CurrentActor() actor: AuditActor,
      @Body() command: AdvanceClockCommand,
    ): Promise<ClockView> {
      const now = this.clock.advance(command.byMs);
      await this.audit.record(actor, {
        action: 'clock.advance',
        entityType: 'clock',
        detail: { byMs: command.byMs, offsetMs: this.clock.offset, now: now.toISOString() },
      });
      return this.view();
    }

    view(): ClockView {
      return {
        now: this.clock.now().toISOString(),
        offsetMs: this.clock.offset,
        overridable: this.clock.overridable,
      };
    }
  }
  return ClockController;
}
