import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { CorrectPublicationCommand } from './correct-publication.command';
import { PublicResultView } from './public-result.view';
import { RevisePublicationUseCase } from './revise-publication.usecase';
import { WithdrawPublicationCommand } from './withdraw-publication.command';

/** Corrections and withdrawals by the sampling bureau's officers (audited; history stays public). */
@ApiTags('publications')
@Controller('publications')
export class PublicationsController {
  constructor(private readonly revise: RevisePublicationUseCase) {}

  @Post(':id/corrections')
  @HttpCode(201)
  @Policy({ roles: ['enforcement-officer', 'admin'] })
  @ApiOperation({
    summary:
      'Correct the current version of a published result (更正); an officer’s jurisdiction must cover the bureau',
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
  @Policy({ roles: ['enforcement-officer', 'admin'] })
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
