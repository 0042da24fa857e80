import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { DataSource } from 'typeorm';
import { labOf } from '../../shared/lab-of';
import { AssignmentView } from '../assignment.view';
import { CreateSandboxAssignmentCommand } from './create-sandbox-assignment.command';
import { CreateSandboxAssignmentUseCase } from './create-sandbox-assignment.usecase';

/** The lab sandbox (LAB_SANDBOX_ENABLED, never in production): synthetic work for integrators' test labs. */
@ApiTags('lab API v1')
@Controller('v1/sandbox')
// No scope narrowing: the route reads no record, it makes one for the caller's own lab (a token
// without a lab id, or of a lab that is not a sandbox lab, is refused by the use case).
@Policy({ roles: ['lab'] })
export class SandboxController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly create: CreateSandboxAssignmentUseCase,
  ) {}

  @Post('assignments')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Sandbox: a synthetic assignment for my sandbox lab, to accept and report on like a real one',
    description:
      'Only where the gateway runs the lab sandbox (LAB_SANDBOX_ENABLED, never in production) and only for a lab registered with sandbox: true. The assignment belongs to no real batch (batch number SANDBOX-…): accepting, reporting progress and submitting a report work as on a real one, but nothing is published, a decline draws no other lab and no overdue alert is raised.',
  })
  @ApiCreatedResponse({ type: AssignmentView })
  @ApiNotFoundResponse({ description: 'the lab sandbox is not enabled on this gateway' })
  @ApiForbiddenResponse({ description: "the caller's lab is not a sandbox lab" })
  @ApiUnprocessableEntityResponse({
    description: "category outside the sandbox lab's scope or without a catalogue",
  })
  async createSandboxAssignment(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Body() cmd: CreateSandboxAssignmentCommand,
  ): Promise<AssignmentView> {
    return this.dataSource.transaction((m) => this.create.execute(m, labOf(principal), cmd, actor));
  }
}
