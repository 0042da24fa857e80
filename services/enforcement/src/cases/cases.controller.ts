import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { CaseQueries } from './case.queries';
import { CaseDetailView } from './case-detail.view';
import { ListCasesQuery } from './list-cases.query';
import { CaseTransitionsUseCase } from './case-transitions.usecase';
import { CaseView } from './case.view';
import { CloseCaseCommand } from './close-case.command';
import { EscalateCaseCommand } from './escalate-case.command';
import { RerouteCaseUseCase } from './reroute-case.usecase';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly queries: CaseQueries,
    private readonly transitions: CaseTransitionsUseCase,
    private readonly reroute: RerouteCaseUseCase,
  ) {}

  @Get()
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'Cases; an officer sees only those of their jurisdiction. Filters: status (open = not closed, nearest due date first), batch, seller (name or credit code)',
  })
  @ApiOkResponse({ type: CaseView, isArray: true })
  async listCases(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListCasesQuery,
  ): Promise<CaseView[]> {
    return this.queries.list(principal, query);
  }

  @Get(':id')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "One case with the routing decision and its batch's facts (outside the jurisdiction: 404, as if missing)",
  })
  @ApiOkResponse({ type: CaseDetailView })
  async getCase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CaseDetailView> {
    return this.queries.detail(principal, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'The routed authority accepts the case' })
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({ description: 'the case is not routed (already accepted, investigating or closed)' })
  async accept(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CaseView> {
    return CaseView.of(await this.transitions.advance(actor, principal, id, 'accepted'));
  }

  @Post(':id/investigate')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'Investigation started' })
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({
    description: 'the case is not accepted (still routed, already investigating, or closed)',
  })
  async investigate(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<CaseView> {
    return CaseView.of(await this.transitions.advance(actor, principal, id, 'investigating'));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Policy({ roles: ['enforcement-officer'], scope: 'jurisdiction' })
  @ApiOperation({
    summary: 'Close with outcomes (fed back to the sampling bureau as case-closed, and to the credit file)',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiUnprocessableEntityResponse({
    description:
      'penaltyFen is missing while the outcomes include a penalty, or given while they do not (checked before the case is looked up)',
  })
  @ApiConflictResponse({ description: 'the case is already closed, or still routed (accept it first)' })
  async close(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: CloseCaseCommand,
  ): Promise<CaseView> {
    return CaseView.of(await this.transitions.close(actor, principal, id, command));
  }

  @Post(':id/escalate')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({
    summary: 'Major or urgent, or assigned by a leader: route to the inspection brigade or 网监办',
  })
  @ApiOkResponse({ type: CaseView })
  @ApiConflictResponse({
    description: 'the case is closed, or no authority could take it at the level asked',
  })
  async escalate(
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: EscalateCaseCommand,
  ): Promise<CaseView> {
    return CaseView.of(await this.reroute.escalate(actor, id, command));
  }
}
