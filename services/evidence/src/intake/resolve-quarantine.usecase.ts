import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { notFound } from '@qis/auth';
import { ParcelReceived } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, unprocessable } from '@qis/domain';
import { CustodyLedger } from '../custody/custody-ledger';
import type { ExtractionFacts } from '../custody/extraction-facts';
import { ExpectedParcel } from './expected-parcel.entity';
import { Parcel } from './parcel.entity';
import type { RejectParcelCommand, ReleaseParcelCommand } from './resolve-quarantine.command';

async function lockQuarantined(manager: EntityManager, id: string): Promise<Parcel> {
  const parcel = await manager.findOne(Parcel, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!parcel) throw notFound('parcel', id);
  if (parcel.status !== 'quarantined') {
    throw conflict(
      `parcel ${id} is ${parcel.status}, not quarantined: only a quarantined parcel is released or rejected`,
    );
  }
  return parcel;
}

/**
 * An officer's decision on a quarantined parcel, with the reason: released into its batch (admitted,
 * parcel-received published as for a match) or rejected. Each is audited and in the custody ledger.
 */
@Injectable()
export class ResolveQuarantineUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly ledger: CustodyLedger,
    private readonly audit: AuditService,
  ) {}

  async release(
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    command: ReleaseParcelCommand,
  ): Promise<Parcel> {
    return this.dataSource.transaction(async (manager) => {
      const parcel = await lockQuarantined(manager, id);
      const batchNumber = command.batchNumber ?? parcel.batchNumber;
      if (!batchNumber) {
        throw unprocessable(
          'batchNumber',
          'is required: the parcel matched no order, say which batch it belongs to',
        );
      }
      if (parcel.batchNumber && command.batchNumber && parcel.batchNumber !== command.batchNumber) {
        throw unprocessable(
          'batchNumber',
          `the parcel was received for batch ${parcel.batchNumber}, not ${command.batchNumber}`,
        );
      }
      const order = await manager.findOneBy(ExpectedParcel, { batchNumber });
      if (!order) throw unprocessable('batchNumber', `no order-placed record for batch ${batchNumber}`);
      const admitted = await manager.findOneBy(Parcel, { batchNumber, status: 'admitted' });
      if (admitted) {
        throw conflict(
          `batch ${batchNumber} already has an admitted parcel (${admitted.id}): reject this one instead`,
        );
      }
      const resolved: Parcel = {
        ...parcel,
        // Scanned without a carrier and matched to nothing: the order names it.
        carrier: parcel.carrier || order.carrier,
        status: 'admitted',
        batchNumber,
        resolvedAt: new Date(),
        resolvedBy: by.actor,
        resolutionReason: command.reason.trim(),
      };
      await manager.update(
        Parcel,
        { id },
        {
          status: resolved.status,
          carrier: resolved.carrier,
          batchNumber,
          resolvedAt: resolved.resolvedAt,
          resolvedBy: resolved.resolvedBy,
          resolutionReason: resolved.resolutionReason,
        },
      );
      await this.outbox.publish(manager, [
        {
          contract: ParcelReceived,
          key: batchNumber,
          value: {
            batchNumber,
            orderNumber: order.orderNumber,
            carrier: resolved.carrier,
            trackingNumber: parcel.trackingNumber,
            condition: parcel.condition,
            receivedAt: resolved.resolvedAt!.toISOString(),
          },
        },
      ]);
      await this.record(manager, by, from, resolved, 'release');
      return resolved;
    });
  }

  async reject(
    by: AuditActor,
    from: ExtractionFacts,
    id: string,
    command: RejectParcelCommand,
  ): Promise<Parcel> {
    return this.dataSource.transaction(async (manager) => {
      const parcel = await lockQuarantined(manager, id);
      const resolved: Parcel = {
        ...parcel,
        status: 'rejected',
        resolvedAt: new Date(),
        resolvedBy: by.actor,
        resolutionReason: command.reason.trim(),
      };
      await manager.update(
        Parcel,
        { id },
        {
          status: resolved.status,
          resolvedAt: resolved.resolvedAt,
          resolvedBy: resolved.resolvedBy,
          resolutionReason: resolved.resolutionReason,
        },
      );
      await this.record(manager, by, from, resolved, 'reject');
      return resolved;
    });
  }

  private async record(
    manager: EntityManager,
    by: AuditActor,
    from: ExtractionFacts,
    parcel: Parcel,
    decision: 'release' | 'reject',
  ): Promise<void> {
    const detail = {
      batchNumber: parcel.batchNumber,
      carrier: parcel.carrier,
      trackingNumber: parcel.trackingNumber,
      quarantineReason: parcel.quarantineReason,
      reason: parcel.resolutionReason,
    };
    await this.ledger.append(manager, by, from, {
      action: decision === 'release' ? 'quarantine-release' : 'quarantine-reject',
      subjectType: 'parcel',
      subjectId: parcel.id,
      batchNumber: parcel.batchNumber,
      detail,
    });
    await this.audit.record(
      by,
      { action: `intake.parcel.${decision}`, entityType: 'parcel', entityId: parcel.id, detail },
      manager,
    );
  }
}
