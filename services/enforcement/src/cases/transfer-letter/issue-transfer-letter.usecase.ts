import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BatchFile } from '../../kernel/batch-file.entity';
import { shanghaiDate } from '@qis/domain';
import type { EnforcementCase } from '../enforcement-case.entity';
import { Notice } from '../../notices/notice.entity';
import { CaseRouter } from '../../routing/case-router';
import { draftTransferLetter, type LetterEvidence } from './draft-transfer-letter';
import { TransferLetter } from './transfer-letter.entity';

const NOTICE_NAMES: Record<string, string> = {
  sampling: '抽检通知书',
  result: '抽检结果通知书',
  'reinspection-result': '复检结果通知书',
};

/**
 * Issues the case transfer letter (案件移送函) of a case handed outside the city, in the routing
 * transaction: one per case and receiving authority. Its PDF is stored as evidence afterwards.
 */
@Injectable()
export class IssueTransferLetterUseCase {
  constructor(private readonly router: CaseRouter) {}

  async execute(
    manager: EntityManager,
    found: EnforcementCase,
    batch: BatchFile,
    now: Date,
  ): Promise<TransferLetter> {
    const existing = await manager
      .createQueryBuilder(TransferLetter, 'l')
      .where(`l.case_id = :caseId and l.recipient->>'areaCode' = :area and l.recipient->>'kind' = :kind`, {
        caseId: found.id,
        area: found.authority.areaCode,
        kind: found.authority.kind,
      })
      .getOne();
    if (existing) return existing;
    const rows = (await manager.query(`select nextval('transfer_letter_number_seq') as n`)) as Array<{
      n: string;
    }>;
    const letterNumber = `YS${shanghaiDate(now).slice(0, 4)}-${(rows[0] as { n: string }).n.padStart(6, '0')}`;
    const letter = manager.create(TransferLetter, {
      id: randomUUID(),
      caseId: found.id,
      batchNumber: batch.batchNumber,
      letterNumber,
      recipient: found.authority,
      policyRow: found.policyRow ?? found.rule,
      document: draftTransferLetter({
        letterNumber,
        issuerName: this.router.issuerName,
        recipient: found.authority,
        copiedTo: found.copiedTo,
        caseId: found.id,
        policyRow: found.policyRow ?? found.rule,
        batch,
        evidence: await this.evidence(manager, batch),
        issuedAt: now,
      }),
      createdAt: now,
      evidenceObjectId: null,
      evidenceSha256: null,
      evidenceStoredAt: null,
      evidenceAttempts: 0,
      evidenceLastError: null,
      // Storing is a technical retry on the wall clock (StoreTransferLettersUseCase), not the legal one.
      evidenceNextAttemptAt: new Date(),
    });
    await manager.insert(TransferLetter, letter);
    return letter;
  }

  /**
   * The batch's evidence enforcement knows: the lab reports and its own notices (with the SHA-256
   * the evidence service computed when it stored them), the purchase evidence package and the
   * unpacking session (their files' hashes are in the evidence service's custody ledger).
   */
  private async evidence(manager: EntityManager, batch: BatchFile): Promise<LetterEvidence[]> {
    const list: LetterEvidence[] = [];
    const reports = [batch.initialReport, batch.reinspectionReport].filter((r) => r !== null);
    for (const r of reports)
      list.push({
        name: `${r === batch.reinspectionReport ? '复检' : '检验'}报告 ${r.reportNumber}（${r.labName}）`,
        kind: 'lab-report',
        objectId: r.reportDocumentId,
        sha256: null,
      });
    if (batch.order)
      list.push({
        name: `买样证据包（订单 ${batch.order.orderNumber}，含购买过程录像、截图）`,
        kind: 'purchase-evidence-package',
        objectId: batch.order.evidencePackageId,
        sha256: null,
      });
    if (batch.sealed)
      list.push({
        name: `拆包查验及封样记录（样品编号 ${batch.sealed.sampleCode}，含录像、照片、工作单 ${batch.sealed.workOrderNumber}）`,
        kind: 'unpacking-session',
        objectId: batch.sealed.unpackingSessionId,
        sha256: null,
      });
    const notices = await manager.find(Notice, {
      where: { batchNumber: batch.batchNumber },
      order: { createdAt: 'ASC' },
    });
    for (const n of notices) {
      if (!n.evidenceObjectId) continue;
      list.push({
        name: `${NOTICE_NAMES[n.kind] ?? '通知书'} ${n.noticeNumber}（送达 ${n.recipientName}）`,
        kind: 'notice',
        objectId: n.evidenceObjectId,
        sha256: n.evidenceSha256,
      });
    }
    return list;
  }
}
