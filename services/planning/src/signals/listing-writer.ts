import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LISTING_COLUMNS, listingUpsertSql } from './listing-columns';
import type { ListingRow } from './listing-row';

const UPSERT = listingUpsertSql(
  `unnest(${LISTING_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) as u(${LISTING_COLUMNS.map(([name]) => name).join(', ')})`,
);

/**
 * Upserts listings by platform + platform listing id with one statement per call (arrays through
 * `unnest`). The newest observation wins; every change of price or monthly sales is appended to
 * the listing's history; an observation older than the one stored changes nothing.
 */
@Injectable()
export class ListingWriter {
  async upsert(manager: EntityManager, rows: readonly ListingRow[]): Promise<void> {
    // One statement may not touch a row twice: observations of the same listing go in successive
    // statements, oldest first, so each change still lands in the history.
    let rounds = splitRounds(rows);
    if (rounds.length > 1) {
      rounds = splitRounds([...rows].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt)));
    }
    for (const round of rounds) {
      await manager.query(
        UPSERT,
        LISTING_COLUMNS.map(([, , read]) => round.map(read)),
      );
    }
  }
}

/** Round k holds the k-th observation of each listing. */
function splitRounds(rows: readonly ListingRow[]): ListingRow[][] {
  const rounds: ListingRow[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.platform}:${row.platformListingId}`;
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return rounds;
}
