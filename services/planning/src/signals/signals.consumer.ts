import { Injectable } from '@nestjs/common';
import {
  ComplaintReceived,
  ListingSignal,
  type ComplaintReceivedValue,
  type ListingSignalValue,
} from '@qis/contracts';
import { ConsumeEvent, ConsumeEventBatch, type ConsumedEvent, type EventContext } from '@qis/messaging';
import { listingSignalRow } from './listing-signal-row';
import { ListingWriter } from './listing-writer';
import { SignalStore } from './signal-store';

/** Platforms' listing signals and complaints, applied through the inbox. */
@Injectable()
export class SignalsConsumer {
  constructor(
    private readonly listings: ListingWriter,
    private readonly signals: SignalStore,
  ) {}

  // Platforms send listings by the thousand: one upsert per chunk.
  @ConsumeEventBatch(ListingSignal)
  async onListings(events: ReadonlyArray<ConsumedEvent<ListingSignalValue>>): Promise<void> {
    if (events.length === 0) return;
    await this.listings.upsert(
      events[0].context.manager,
      events.map((e) => listingSignalRow(e.event)),
    );
  }

  @ConsumeEvent(ComplaintReceived)
  async onComplaint(c: ComplaintReceivedValue, { manager }: EventContext): Promise<void> {
    await this.signals.insert(manager, {
      kind: c.kind,
      source: c.source,
      externalId: c.complaintId,
      platform: c.platform,
      listingId: c.listingId,
      sellerCreditCode: c.sellerUnifiedSocialCreditCode,
      sellerName: c.sellerName,
      category: c.category,
      brand: c.brand,
      summary: c.summary,
      receivedAt: c.receivedAt,
    });
  }
}
