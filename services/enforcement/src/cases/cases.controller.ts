import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, queryScope, scopeWhere, type Principal } from '@qis/auth';
import { DataSource, ILike, In, Not, Repository, type FindOptionsWhere } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { Clock } from '../kernel/clock';
import { CaseDetailView } from './case-detail.view';
import { ListCasesQuery } from './list-cases.query';
import { CaseTransitionsUseCase, CASE_READERS_UNRESTRICTED } from './case-transitions.usecase';
import { CaseView } from './case.view';
import { CloseCaseCommand } from './close-case.command';
import { EnforcementCase } from './enforcement-case.entity';
import { EscalateCaseCommand } from './escalate-case.command';
import { RerouteCaseUseCase } from './reroute-case.usecase';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    @InjectRepository(EnforcementCase) private readonly cases: Repository<EnforcementCase>,
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionsUseCase,
    private readonly reroute: RerouteCaseUseCase,
    private readonly clock: Clock,
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
    const scope = scopeWhere<EnforcementCase>(
      queryScope(principal, 'jurisdiction', CASE_READERS_UNRESTRICTED),
      'areaCode',
    );
    if (scope === null) return [];
    const base: FindOptionsWhere<EnforcementCase> = {
      ...scope,
      ...(query.status === 'open'
        ? { status: Not(In(['closed'])) }
        : query.status
          ? { status: query.status }
          : {}),
      ...(query.batchNumber ? { batchNumber: query.batchNumber } : {}),
    };
    const seller = query.seller?.trim();
    const where = seller
      ? [
          { ...base, sellerName: ILike(`%${seller.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) },
          { ...base, sellerUscc: seller.toUpperCase() },
        ]
      : base;
    const found = await this.cases.find({
      where,
      order: query.status === 'open' ? { dueAt: 'ASC' } : { routedAt: 'DESC' },
      take: 500,
    });
    const now = this.clock.now();
    return found.map((c) => CaseView.of(c, now));
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
    const found = await this.transitions.load(this.dataSource.manager, principal, id);
    const batch = await this.dataSource.manager.findOneBy(BatchFile, { batchNumber: found.batchNumber });
    return CaseDetailView.detail(found, batch, this.clock.now());
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
