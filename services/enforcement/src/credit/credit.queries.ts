import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Principal } from '@qis/auth';
import { Repository } from 'typeorm';
import { BatchScope } from '../scope/batch-scope';
import { CreditEntry } from './credit-entry.entity';
import { CreditEntryView } from './credit-entry.view';
import { CreditFileView } from './credit-file.view';
import { FollowUpProposal } from './follow-up-proposal.entity';
import { FollowUpProposalView } from './follow-up-proposal.view';

/** Credit files and follow-up proposals, holding the batches of the caller's scope only. */
@Injectable()
export class CreditQueries {
  constructor(
    @InjectRepository(CreditEntry) private readonly entries: Repository<CreditEntry>,
    @InjectRepository(FollowUpProposal) private readonly proposals: Repository<FollowUpProposal>,
    private readonly batchScope: BatchScope,
  ) {}

  /** The credit file of one unified social credit code, oldest entry first. */
  async file(principal: Principal, code: string): Promise<CreditFileView> {
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

  /** The latest 500 follow-up proposals, those of the caller's batches. */
  async followUps(principal: Principal): Promise<FollowUpProposalView[]> {
    const found = await this.proposals.find({ order: { proposedAt: 'DESC' }, take: 500 });
    const visible = await this.batchScope.visible(
      principal,
      found.map((p) => p.batchNumber),
    );
    return found.filter((p) => visible.has(p.batchNumber)).map((p) => FollowUpProposalView.of(p));
  }
}
