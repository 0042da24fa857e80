import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { CreditCodePipe } from '@qis/domain';
import { CreditFileView } from './credit-file.view';
import { CreditQueries } from './credit.queries';
import { CreditSearchQuery } from './credit-search.query';
import { CreditSubjectView } from './credit-subject.view';
import { FollowUpProposalView } from './follow-up-proposal.view';
import { SearchCreditFilesUseCase } from './search-credit-files.usecase';

@ApiTags('credit')
@Controller()
export class CreditController {
  constructor(
    private readonly queries: CreditQueries,
    private readonly search: SearchCreditFilesUseCase,
  ) {}

  @Get('credit')
  @Policy({ roles: ['planner', 'approver', 'enforcement-officer', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'Credit files found by unified social credit code or by name: enterprise sellers (by code), natural-person sellers (by name and shop), producers (by name, and code when known); an officer sees only the entries of batches in their jurisdiction',
  })
  @ApiOkResponse({ type: CreditSubjectView, isArray: true })
  async searchCreditFiles(
    @CurrentPrincipal() principal: Principal,
    @Query() query: CreditSearchQuery,
  ): Promise<CreditSubjectView[]> {
    return this.search.execute(principal, query);
  }

  @Get('credit/:code')
  @Policy({ roles: ['planner', 'approver', 'enforcement-officer', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      'The credit file of a seller or producer by unified social credit code; an officer sees only the entries of batches in their jurisdiction',
  })
  @ApiOkResponse({ type: CreditFileView })
  async getCreditFile(
    @CurrentPrincipal() principal: Principal,
    @Param('code', CreditCodePipe) code: string,
  ): Promise<CreditFileView> {
    return this.queries.file(principal, code);
  }

  @Get('follow-up-proposals')
  @Policy({ roles: ['planner', 'approver', 'enforcement-officer', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Targeted follow-up samplings (跟踪抽检) proposed to planning after final failures; an officer sees those of their jurisdiction's cases",
  })
  @ApiOkResponse({ type: FollowUpProposalView, isArray: true })
  async followUps(@CurrentPrincipal() principal: Principal): Promise<FollowUpProposalView[]> {
    return this.queries.followUps(principal);
  }
}
