import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService, type AuditActor } from '@qis/audit';
import { ParcelReceived } from '@qis/contracts';
import { OutboxPublisher } from '@qis/messaging';
import { DataSource } from 'typeorm';
import { ExpectedParcel } from './expected-parcel.entity';
import { Parcel } from './parcel.entity';
import { parcelMatchKey, trackingMatchPart } from './parcel-match-key';
import type { ReceiveParcelCommand } from './receive-parcel.command';

/**
 * Admits a parcel only when carrier and tracking number (the number alone when only it was scanned)
 * match an order-placed record whose batch
 * has no admitted parcel yet; otherwise quarantines it with the reason. Admission publishes
 * parcel-received (no buyer, no address).
 */
@Injectable()
export class ReceiveParcelUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly audit: AuditService,
  ) {}

  async execute(by: AuditActor, command: ReceiveParcelCommand): Promise<Parcel> {
    return this.dataSource.transaction(async (manager) => {
      const carrier = command.carrier?.trim();
      const orders = carrier
        ? await manager.find(ExpectedParcel, {
            where: { matchKey: parcelMatchKey(carrier, command.trackingNumber) },
          })
        : await manager
            .createQueryBuilder(ExpectedParcel, 'e')
            .where("split_part(e.match_key, '|', 2) = :number", {
              number: trackingMatchPart(command.trackingNumber),
            })
            .getMany();
      let reason: string | null = null;
      let order: ExpectedParcel | undefined;
      if (orders.length === 0) {
        reason = carrier
          ? `no order-placed record with carrier ${carrier} and tracking number ${command.trackingNumber}`
          : `no order-placed record with tracking number ${command.trackingNumber} (any carrier)`;
      } else if (orders.length > 1) {
        reason = `carrier and tracking number match ${orders.length} orders (${orders.map((o) => o.batchNumber).join(', ')})`;
      } else {
        order = orders[0];
        const admitted = await manager.findOneBy(Parcel, {
          batchNumber: order.batchNumber,
          status: 'admitted',
        });
        if (admitted) reason = `batch ${order.batchNumber} already has an admitted parcel (${admitted.id})`;
      }
      const parcel: Parcel = {
        id: randomUUID(),
        carrier: carrier || (orders.length === 1 ? orders[0]!.carrier : ''),
        trackingNumber: command.trackingNumber,
        status: reason ? 'quarantined' : 'admitted',
        batchNumber: order?.batchNumber ?? null,
        quarantineReason: reason,
        condition: command.condition,
        receivedAt: new Date(),
        receivedBy: by.actor,
        resolvedAt: null,
        resolvedBy: null,
        resolutionReason: null,
      };
      await manager.insert(Parcel, parcel);
      if (order && !reason) {
        await this.outbox.publish(manager, [
          {
            contract: ParcelReceived,
            key: order.batchNumber,
            value: {
              batchNumber: order.batchNumber,
              orderNumber: order.orderNumber,
              carrier: order.carrier,
              trackingNumber: order.trackingNumber,
              condition: command.condition,
              receivedAt: parcel.receivedAt.toISOString(),
            },
          },
        ]);
      }
      await this.audit.record(
        by,
        {
          action: reason ? 'intake.parcel.quarantine' : 'intake.parcel.admit',
          entityType: 'parcel',
          entityId: parcel.id,
          detail: { batchNumber: parcel.batchNumber, reason },
        },
        manager,
      );
      return parcel;
    });
  }
}
