import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { AdvanceClockCommand } from './advance-clock.command';
import { Clock } from './clock';
import { ClockView } from './clock.view';

@ApiTags('ops')
@Controller('ops/clock')
export class ClockController {
  constructor(
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: 'The time enforcement’s legal clocks read' })
  @ApiOkResponse({ type: ClockView })
  read(): ClockView {
    return this.view();
  }

  @Post()
  @HttpCode(200)
  @Policy({ roles: ['admin'] })
  @ApiOperation({
    summary:
      'Development and test: move the legal clocks forward (CLOCK_OVERRIDE_ENABLED=true, refused at boot in production)',
  })
  @ApiOkResponse({ type: ClockView })
  @ApiConflictResponse({ description: 'CLOCK_OVERRIDE_ENABLED is not true' })
  async advance(@CurrentActor() actor: AuditActor, @Body() command: AdvanceClockCommand): Promise<ClockView> {
    const now = this.clock.advance(command.byMs);
    await this.audit.record(actor, {
      action: 'clock.advance',
      entityType: 'clock',
      detail: { byMs: command.byMs, offsetMs: this.clock.offset, now: now.toISOString() },
    });
    return this.view();
  }

  private view(): ClockView {
    return {
      now: this.clock.now().toISOString(),
      offsetMs: this.clock.offset,
      overridable: this.clock.overridable,
    };
  }
}
