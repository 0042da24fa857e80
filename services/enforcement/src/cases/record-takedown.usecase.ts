import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import type { TakedownReportedValue } from '@qis/contracts';
import type { EntityManager } from 'typeorm';
import { BatchFile } from '../kernel/batch-file.entity';
import { CreditEntry } from '../credit/credit-entry.entity';
import { EnforcementCase } from './enforcement-case.entity';
import { TakedownReport } from './takedown-report.entity';

/**
 * Keeps a platform's takedown report and, when the batch's order was on that platform and that
 * listing, attaches it to the batch's case and the seller's credit file; otherwise it is triaged.
 */
@Injectable()
export class RecordTakedownUseCase {
  constructor(private readonly audit: AuditService) {}

  async execute(manager: EntityManager, value: TakedownReportedValue): Promise<void> {
    const batch = await manager.findOneBy(BatchFile, { batchNumber: value.batchNumber });
    // A platform speaks only for its own listing: a report on another platform's or another
    // listing's batch (or a batch we know no order of) is kept aside for a person, never attached.
    const triageReason = takedownMismatch(batch, value);
    const found = triageReason
      ? null
      : await manager.findOneBy(EnforcementCase, { batchNumber: value.batchNumber });
    const report = manager.create(TakedownReport, {
      id: randomUUID(),
      batchNumber: value.batchNumber,
      caseId: found?.id ?? null,
      platform: value.platform,
      listingId: value.listingId,
      action: value.action,
      note: value.note ?? null,
      actedAt: new Date(value.actedAt),
      triageReason,
    });
    await manager.insert(TakedownReport, report);
    const seller = batch?.order?.seller;
    if (seller && !triageReason) {
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
        action: triageReason ? 'takedown.triage' : 'takedown.record',
        entityType: 'batch',
        entityId: value.batchNumber,
        detail: {
          action: value.action,
          caseId: found?.id ?? null,
          platform: value.platform,
          listingId: value.listingId,
          ...(triageReason ? { reason: triageReason } : {}),
        },
      },
      manager,
    );
  }
}

/** Why the report does not belong to the batch's order, or null when platform and listing match. */
export function takedownMismatch(batch: BatchFile | null, value: TakedownReportedValue): string | null {
  const order = batch?.order;
  if (!order) return `no order is known for batch ${value.batchNumber}`;
  if (!order.platform) return `the order of ${value.batchNumber} was not placed on a platform`;
  if (order.platform.code !== value.platform)
    return `the order of ${value.batchNumber} was placed on ${order.platform.code}, not on ${value.platform}`;
  if (order.listing.platformListingId !== value.listingId)
    return `the order of ${value.batchNumber} was placed on listing ${order.listing.platformListingId}, not on ${value.listingId}`;
  return null;
}
