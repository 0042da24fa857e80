import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignalKind } from './signal-kinds';

export interface SignalRecord {
  kind: SignalKind;
  source: string;
  externalId: string;
  platform?: string;
  listingId?: string;
  sellerCreditCode?: string;
  sellerName?: string;
  category?: string;
  brand?: string;
  summary: string;
  receivedAt: string;
}

/** Risk signals, unique by source + external id: a redelivered or re-entered signal counts once. */
@Injectable()
export class SignalStore {
  async insert(manager: EntityManager, s: SignalRecord): Promise<{ id: string; created: boolean }> {
    const inserted = (await manager.query(
      `insert into signal (kind, source, external_id, platform, platform_listing_id, seller_credit_code,
                           seller_name, category, brand, summary, received_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (source, external_id) do nothing
       returning id`,
      [
        s.kind,
        s.source,
        s.externalId,
        s.platform ?? null,
        s.listingId ?? null,
        s.sellerCreditCode ?? null,
        s.sellerName ?? null,
        s.category ?? null,
        s.brand ?? null,
        s.summary,
        s.receivedAt,
      ],
    )) as Array<{ id: string }>;
    if (inserted.length > 0) return { id: String(inserted[0].id), created: true };
    const existing = (await manager.query('select id from signal where source = $1 and external_id = $2', [
      s.source,
      s.externalId,
    ])) as Array<{ id: string }>;
    return { id: String(existing[0].id), created: false };
  }
}
