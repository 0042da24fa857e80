import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { TakedownReportedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { BatchFile } from '../batches/batch-file.entity';
import { CreditEntry } from '../credit/credit-entry.entity';
import { EnforcementCase } from './enforcement-case.entity';
import { TakedownReport } from './takedown-report.entity';

/** Keeps a platform's takedown report, attaches it to the batch's case and the seller's credit file. */
@Injectable()
export class RecordTakedownUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(manager: EntityManager, value: TakedownReportedValue): Promise<void> {
    const found = await manager.findOneBy(EnforcementCase, { batchNumber: value.batchNumber });
    const report = manager.create(TakedownReport, {
      id: randomUUID(),
      batchNumber: value.batchNumber,
      caseId: found?.id ?? null,
      platform: value.platform,
      listingId: value.listingId,
      action: value.action,
      note: value.note ?? null,
      actedAt: new Date(value.actedAt),
    });
    await manager.insert(TakedownReport, report);
    const batch = await manager.findOneBy(BatchFile, { batchNumber: value.batchNumber });
    const seller = batch?.order?.seller;
    if (seller) {
      await manager.insert(CreditEntry, {
        id: randomUUID(),
        unifiedSocialCreditCode: seller.unifiedSocialCreditCode ?? null,
        subjectName: seller.name,
        subjectRole: 'seller',
        kind: 'takedown-reported',
        batchNumber: value.batchNumber,
        detail: { platform: value.platform, listingId: value.listingId, action: value.action },
        occurredAt: new Date(value.actedAt),
      });
    }
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'takedown.record',
        entityType: 'batch',
        entityId: value.batchNumber,
        detail: { action: value.action, caseId: found?.id ?? null },
      },
      manager,
    );
  }
}
