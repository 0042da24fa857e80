import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FactorExplanation } from '../scoring/factor-explanation';
import type { SelectedListingView } from './selection.view';

export interface SelectionRow {
  listingId: string;
  category: string;
  position: number;
  way: 'ranked' | 'random';
  score: number;
  factors: FactorExplanation[];
  brandSpecKey: string | null;
}

/** The listings a plan selected, each with its score explained. */
@Injectable()
export class SelectionStore {
  async replace(manager: EntityManager, planId: string, rows: readonly SelectionRow[]): Promise<void> {
    await manager.query('delete from plan_selection where plan_id = $1', [planId]);
    if (rows.length === 0) return;
    await manager.query(
      `insert into plan_selection (plan_id, listing_id, category, position, way, score, factors, brand_spec_key)
       select $1, u.* from unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::float8[], $7::jsonb[], $8::text[])
         as u(listing_id, category, position, way, score, factors, brand_spec_key)`,
      [
        planId,
        rows.map((r) => r.listingId),
        rows.map((r) => r.category),
        rows.map((r) => r.position),
        rows.map((r) => r.way),
        rows.map((r) => r.score),
        rows.map((r) => JSON.stringify(r.factors)),
        rows.map((r) => r.brandSpecKey),
      ],
    );
  }

  async list(manager: EntityManager, planId: string): Promise<SelectedListingView[]> {
    const rows = (await manager.query(
      `select s.*, l.platform, l.platform_listing_id from plan_selection s join listing l on l.id = s.listing_id
       where s.plan_id = $1 order by s.category, s.position`,
      [planId],
    )) as Array<{
      listing_id: string;
      platform: string;
      platform_listing_id: string;
      category: string;
      way: string;
      position: number;
      score: number;
      factors: FactorExplanation[];
    }>;
    return rows.map((r) => ({
      listingId: String(r.listing_id),
      platform: r.platform,
      platformListingId: r.platform_listing_id,
      category: r.category,
      way: r.way,
      position: r.position,
      score: r.score,
      factors: r.factors,
    }));
  }
}
