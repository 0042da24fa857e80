import { Injectable } from '@nestjs/common';
import { OrderPlaced, type OrderPlacedValue } from '@qis/contracts';
import { ConsumeEvent, type EventContext } from '@qis/messaging';
import { ExpectedParcel } from './expected-parcel.entity';
import { parcelMatchKey } from './parcel-match-key';

/** Remembers each order so the parcel can be matched at intake. A later event of a batch replaces it. */
@Injectable()
export class OrderPlacedConsumer {
  @ConsumeEvent(OrderPlaced)
  async onOrderPlaced(order: OrderPlacedValue, { manager }: EventContext): Promise<void> {
    await manager.upsert(
      ExpectedParcel,
      {
        batchNumber: order.batchNumber,
        orderNumber: order.orderNumber,
        carrier: order.carrier,
        trackingNumber: order.trackingNumber,
        matchKey: parcelMatchKey(order.carrier, order.trackingNumber),
        testUnits: order.quantity.testUnits,
        backupUnits: order.quantity.backupUnits,
        orderedAt: new Date(order.orderedAt),
        shippedAt: new Date(order.shippedAt),
        listing: { ...order.listing },
        seller: { ...order.seller },
        platform: order.platform ? { ...order.platform } : null,
      },
      ['batchNumber'],
    );
  }
}
