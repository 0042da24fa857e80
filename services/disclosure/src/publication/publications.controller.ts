import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { CorrectPublicationCommand } from './correct-publication.command';
import { PublicationAdminQueryService } from './publication-admin.query';
import { PublicationAdminQuery } from './publication-admin.query-dto';
import { PublicationAdminDetailView, PublicationAdminPage } from './publication-admin.view';
import { PublicResultView } from './public-result.view';
import { RevisePublicationUseCase } from './revise-publication.usecase';
import { WithdrawPublicationCommand } from './withdraw-publication.command';

/** Who revises the bureau's publications: its disclosure officer, admins, and officers whose jurisdiction covers the bureau. */
const REVISERS = ['disclosure-officer', 'enforcement-officer', 'admin'] as const;
/** Who reads the bureau's list of publications with their batches. */
const READERS = ['disclosure-officer', 'admin', 'auditor'] as const;

/** The bureau's published results: its list with batches, corrections and withdrawals (audited; history stays public). */
@ApiTags('publications')
@Controller('publications')
export class PublicationsController {
  constructor(
    private readonly revise: RevisePublicationUseCase,
    private readonly publications: PublicationAdminQueryService,
  ) {}

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({
    summary:
      'Published results, current versions newest first, withdrawn ones included, each with its batch number',
  })
  @ApiOkResponse({ type: PublicationAdminPage })
  listPublications(@Query() query: PublicationAdminQuery): Promise<PublicationAdminPage> {
    return this.publications.page(query);
  }

  @Get(':id')
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: 'One published result by the id of any of its versions, with every version' })
  @ApiOkResponse({ type: PublicationAdminDetailView })
  @ApiNotFoundResponse({ description: 'no such publication' })
  publication(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicationAdminDetailView> {
    return this.publications.detail(id);
  }

  @Post(':id/corrections')
  @HttpCode(201)
  @Policy({ roles: [...REVISERS] })
  @ApiOperation({
    summary:
      'Correct the current version of a published result (更正); an enforcement officer’s jurisdiction must cover the bureau',
  })
  @ApiCreatedResponse({
    type: PublicResultView,
    description: 'the new current version, replacing the corrected one',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'the correction changes no published field, or nonconforming items that contradict the verdict; `errors` names the field',
  })
  @ApiConflictResponse({ description: 'not the current version (superseded), or a withdrawal' })
  correct(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: CorrectPublicationCommand,
  ): Promise<PublicResultView> {
    return this.revise.correct(actor, principal, id, command);
  }

  @Post(':id/withdrawal')
  @HttpCode(201)
  @Policy({ roles: [...REVISERS] })
  @ApiOperation({
    summary: 'Withdraw a published result (撤回); it leaves the list, its history stays readable',
  })
  @ApiCreatedResponse({ type: PublicResultView, description: 'the withdrawal, now the current version' })
  @ApiConflictResponse({ description: 'not the current version (superseded), or already withdrawn' })
  withdraw(
    @CurrentActor() actor: AuditActor,
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() command: WithdrawPublicationCommand,
  ): Promise<PublicResultView> {
    return this.revise.withdraw(actor, principal, id, command);
  }
}
