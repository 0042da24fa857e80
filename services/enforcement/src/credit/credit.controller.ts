import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { CreditCodePipe } from '@qis/domain';
import { Repository } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import { CreditEntry } from './credit-entry.entity';
import { CreditEntryView } from './credit-entry.view';
import { CreditFileView } from './credit-file.view';
import { CreditSearchQuery } from './credit-search.query';
import { CreditSubjectView } from './credit-subject.view';
import { FollowUpProposal } from './follow-up-proposal.entity';
import { FollowUpProposalView } from './follow-up-proposal.view';
import { SearchCreditFilesUseCase } from './search-credit-files.usecase';

@ApiTags('credit')
@Controller()
export class CreditController {
  constructor(
    @InjectRepository(CreditEntry) private readonly entries: Repository<CreditEntry>,
    @InjectRepository(FollowUpProposal) private readonly proposals: Repository<FollowUpProposal>,
    private readonly batchScope: BatchScope,
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
    const all = await this.entries.find({
      where: { unifiedSocialCreditCode: code },
      order: { occurredAt: 'ASC' },
    });
    // An officer's view of the file holds the entries of batches in their scope only: a foreign
    // district's failures and penalties are not theirs to read (the file then looks empty).
    const visible = await this.batchScope.visible(
      principal,
      all.map((e) => e.batchNumber),
    );
    const found = all.filter((e) => visible.has(e.batchNumber));
    return {
      unifiedSocialCreditCode: code,
      failures: found.filter((e) => e.kind === 'failure').length,
      penalties: found.filter((e) => e.kind === 'penalty').length,
      followUpsPassed: found.filter((e) => e.kind === 'follow-up-pass').length,
      followUpsFailed: found.filter((e) => e.kind === 'follow-up-fail').length,
      entries: found.map((e) => CreditEntryView.of(e)),
    };
  }

  @Get('follow-up-proposals')
  @Policy({ roles: ['planner', 'approver', 'enforcement-officer', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Targeted follow-up samplings (跟踪抽检) proposed to planning after final failures; an officer sees those of their jurisdiction's cases",
  })
  @ApiOkResponse({ type: FollowUpProposalView, isArray: true })
  async followUps(@CurrentPrincipal() principal: Principal): Promise<FollowUpProposalView[]> {
    const found = await this.proposals.find({ order: { proposedAt: 'DESC' }, take: 500 });
    const visible = await this.batchScope.visible(
      principal,
      found.map((p) => p.batchNumber),
    );
    return found.filter((p) => visible.has(p.batchNumber)).map((p) => FollowUpProposalView.of(p));
  }
}
