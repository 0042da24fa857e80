import { BadRequestException, Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Policy } from '@qis/auth';
import { isUnifiedSocialCreditCode } from '@qis/contracts';
import { Repository } from 'typeorm';
import { CreditEntry } from './credit-entry.entity';
import { CreditEntryView } from './credit-entry.view';
import { CreditFileView } from './credit-file.view';
import { FollowUpProposal } from './follow-up-proposal.entity';
import { FollowUpProposalView } from './follow-up-proposal.view';

@ApiTags('credit')
@Controller()
export class CreditController {
  constructor(
    @InjectRepository(CreditEntry) private readonly entries: Repository<CreditEntry>,
    @InjectRepository(FollowUpProposal) private readonly proposals: Repository<FollowUpProposal>,
  ) {}

  @Get('credit/:code')
  @Policy({ roles: ['planner', 'approver', 'enforcement-officer', 'auditor'] })
  @ApiOperation({ summary: 'The credit file of a seller or producer by unified social credit code' })
  @ApiOkResponse({ type: CreditFileView })
  async getCreditFile(@Param('code') code: string): Promise<CreditFileView> {
    if (!isUnifiedSocialCreditCode(code)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'code must be an 18-character unified social credit code with a valid check character',
        errors: [
          {
            field: 'code',
            reasons: ['must be an 18-character unified social credit code with a valid check character'],
          },
        ],
      });
    }
    const found = await this.entries.find({
      where: { unifiedSocialCreditCode: code },
      order: { occurredAt: 'ASC' },
    });
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
  @Policy({ roles: ['planner', 'approver', 'auditor'] })
  @ApiOperation({
    summary: 'Targeted follow-up samplings (跟踪抽检) proposed to planning after final failures',
  })
  @ApiOkResponse({ type: FollowUpProposalView, isArray: true })
  async followUps(): Promise<FollowUpProposalView[]> {
    return (await this.proposals.find({ order: { proposedAt: 'DESC' }, take: 500 })).map((p) =>
      FollowUpProposalView.of(p),
    );
  }
}
