import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import { BatchNumberPipe } from '@qis/domain';
import { DecideRiskWarningCommand } from './decide-risk-warning.command';
import { ListRiskWarningsQuery } from './list-risk-warnings.query';
import { ProposeRiskWarningCommand } from './propose-risk-warning.command';
import { RiskWarningDecisionsUseCase } from './risk-warning-decisions.usecase';
import { RiskWarningQueries } from './risk-warning.queries';
import { RiskWarningView } from './risk-warning.view';
import { WithdrawRiskWarningCommand } from './withdraw-risk-warning.command';

const READERS = ['enforcement-officer', 'approver', 'disclosure-officer', 'auditor'] as const;
const DECIDERS = ['enforcement-officer', 'approver', 'disclosure-officer'] as const;

/** Consumer risk warnings (消费风险警示): proposed, decided by a second person, withdrawn with a reason. */
@ApiTags('risk-warnings')
@Controller()
export class RiskWarningsController {
  constructor(
    private readonly queries: RiskWarningQueries,
    private readonly decisions: RiskWarningDecisionsUseCase,
  ) {}

  @Get('risk-warnings')
  @Policy({ roles: [...READERS], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'Risk warnings, newest first, by status or batch; an officer sees those of batches in their jurisdiction, the disclosure officer all',
  })
  @ApiOkResponse({ type: RiskWarningView, isArray: true })
  async listRiskWarnings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListRiskWarningsQuery,
  ): Promise<RiskWarningView[]> {
    return this.queries.list(principal, query);
  }

  @Get('risk-warnings/:id')
  @Policy({ roles: [...READERS], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'One risk warning (outside the jurisdiction: 404, as if missing)' })
  @ApiOkResponse({ type: RiskWarningView })
  async getRiskWarning(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RiskWarningView> {
    const found = await this.queries.one(principal, id);
    if (!found) throw notFound('risk warning', id);
    return found;
  }

  @Post('batches/:batchNumber/risk-warnings')
  @Policy({ roles: ['enforcement-officer', 'approver'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Propose a consumer risk warning for a batch whose result is final and failed: the product, producer and failing items come from the batch's facts, the officer writes the risk and the advice",
  })
  @ApiCreatedResponse({ type: RiskWarningView })
  @ApiConflictResponse({ description: 'no final failed result, or a proposed or issued warning exists' })
  async proposeRiskWarning(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('batchNumber', BatchNumberPipe) batchNumber: string,
    @Body() command: ProposeRiskWarningCommand,
  ): Promise<RiskWarningView> {
    return RiskWarningView.of(await this.decisions.propose(principal, actor, batchNumber, command));
  }

  @Post('risk-warnings/:id/decision')
  @HttpCode(200)
  @Policy({ roles: [...DECIDERS], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'Issue (published on the public page through disclosure) or reject a proposed warning; the proposer may not decide (409, rule four-eyes)',
  })
  @ApiOkResponse({ type: RiskWarningView })
  @ApiConflictResponse({ description: 'not proposed, or decided by its proposer (rule four-eyes)' })
  @ApiUnprocessableEntityResponse({ description: 'a rejection without a reason' })
  async decideRiskWarning(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: DecideRiskWarningCommand,
  ): Promise<RiskWarningView> {
    return RiskWarningView.of(await this.decisions.decide(principal, actor, id, command));
  }

  @Post('risk-warnings/:id/withdrawal')
  @HttpCode(200)
  @Policy({ roles: [...DECIDERS], scope: 'jurisdiction' })
  @ApiOperation({ summary: 'Withdraw an issued warning with a reason; the public page takes it down' })
  @ApiOkResponse({ type: RiskWarningView })
  @ApiConflictResponse({ description: 'the warning is not issued' })
  async withdrawRiskWarning(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: WithdrawRiskWarningCommand,
  ): Promise<RiskWarningView> {
    return RiskWarningView.of(await this.decisions.withdraw(principal, actor, id, command));
  }
}
