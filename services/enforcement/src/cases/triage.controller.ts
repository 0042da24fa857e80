import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { CaseView } from './case.view';
import { RerouteCaseUseCase } from './reroute-case.usecase';
import { ResolveTriageCommand } from './resolve-triage.command';
import { TriageItemView } from './triage-item.view';
import { TriageQueries } from './triage.queries';
import { TriagedTakedownView } from './triaged-takedown.view';

/**
 * The manual triage queue: approvers and auditors only (bureau-wide, no jurisdiction); officers
 * have no route here: a triaged batch has no case, so no district officer may see it (BatchScope).
 */
@ApiTags('cases')
@Controller('triage')
export class TriageController {
  constructor(
    private readonly queries: TriageQueries,
    private readonly reroute: RerouteCaseUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['approver', 'auditor'] })
  @ApiOperation({
    summary:
      "Failed batches routing could not place (manual triage queue), each with its batch's seller and platform and the district the resolver suggests checking, and why",
  })
  @ApiOkResponse({ type: TriageItemView, isArray: true })
  async listTriage(): Promise<TriageItemView[]> {
    return this.queries.queue();
  }

  @Get('takedowns')
  @Policy({ roles: ['approver', 'auditor'] })
  @ApiOperation({
    summary:
      "Platforms' takedown reports that did not match their batch's order (platform, listing): attached to no case",
  })
  @ApiOkResponse({ type: TriagedTakedownView, isArray: true })
  async listTriagedTakedowns(): Promise<TriagedTakedownView[]> {
    return this.queries.triagedTakedowns();
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({ summary: 'Route a triage item by the district a person established, or escalate it' })
  @ApiOkResponse({ type: CaseView })
  @ApiUnprocessableEntityResponse({
    description:
      'no authority could take the case in the district or at the level given (areaCode, escalateTo)',
  })
  @ApiConflictResponse({ description: 'the triage item is already resolved' })
  async resolve(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: ResolveTriageCommand,
  ): Promise<CaseView> {
    const result = await this.reroute.resolveTriage(actor, id, command);
    if (result.kind !== 'case') throw new Error('unreachable: resolveTriage returns a case or throws');
    return CaseView.of(result.case);
  }
}
