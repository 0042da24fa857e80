import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BatchIssuedValue, ReportIssuedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import type { BatchFile } from '../kernel/batch-file.entity';
import { CreditEntry } from './credit-entry.entity';

/**
 * Closes the loop of a targeted follow-up sampling (跟踪抽检): planning's `batch-issued` names the
 * earlier failed batch (`followUpOf`), and the follow-up's final result goes on the seller's credit
 * file (`follow-up-pass` / `follow-up-fail`) and on the proposal it answers.
 */
@Injectable()
export class RecordFollowUpOutcomeUseCase {
  async linkIssued(manager: EntityManager, issued: BatchIssuedValue): Promise<void> {
    if (!issued.followUpOf) return;
    await manager.query(
      `insert into enforcement_batch (batch_number, follow_up_of) values ($1, $2)
       on conflict (batch_number) do update set follow_up_of = excluded.follow_up_of`,
      [issued.batchNumber, issued.followUpOf],
    );
    await manager.query(
      `update follow_up_proposal set follow_up_batch_number = $1
        where batch_number = $2 and follow_up_batch_number is null`,
      [issued.batchNumber, issued.followUpOf],
    );
  }

  async recordOutcome(
    manager: EntityManager,
    batch: BatchFile,
    report: ReportIssuedValue,
    now: Date,
  ): Promise<void> {
    const followUpOf = batch.followUpOf;
    const seller = batch.order?.seller;
    if (!followUpOf || !seller) return;
    await manager.insert(CreditEntry, {
      id: randomUUID(),
      unifiedSocialCreditCode: seller.unifiedSocialCreditCode ?? null,
      subjectName: seller.name,
      subjectRole: 'seller',
      kind: report.verdict === 'pass' ? 'follow-up-pass' : 'follow-up-fail',
      batchNumber: batch.batchNumber,
      detail: { followUpOf, reportNumber: report.reportNumber, failingItems: report.failingItems },
      occurredAt: now,
    });
    await manager.query(
      `update follow_up_proposal
          set outcome = $1, outcome_at = $2, follow_up_batch_number = coalesce(follow_up_batch_number, $3)
        where batch_number = $4`,
      [report.verdict, now, batch.batchNumber, followUpOf],
    );
  }
}
