import { parseListingRecord } from './parse-listing-record';
import { LISTING_COLUMNS } from './listing-columns';
import { copyLine, listingKeyHash } from './listing-copy-sink';
import type { ListingRow } from './listing-row';
import { listingRecord } from '../test-support/planning-factories';

/** The row in COPY's text format as LISTING_COLUMNS reads it, escaped the slow, general way. */
function generalLine(row: ListingRow): string[] {
  return LISTING_COLUMNS.map(([, , read]) => {
    const v = read(row);
    if (v === null || v === undefined) return '\\N';
    return String(v).replace(
      /[\\\t\n\r]/g,
      (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c,
    );
  });
}

function rowOf(over: Record<string, string | number | undefined>): ListingRow {
  const result = parseListingRecord(listingRecord('C1', over), 2);
  if (!('row' in result)) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

describe("a listing row in COPY's text format", () => {
  it('has the columns of LISTING_COLUMNS in their order, then the first history entry', () => {
    const cases: Array<[Record<string, string | number | undefined>, string]> = [
      [{}, '2026-03-01T00:00:00+00:00'],
      [
        {
          title: 'tab\there \\ and "quotes"',
          promotionalClaims: '限时秒杀|back\\slash "q"',
          sellerAddress: 'line\rbreak',
          brand: undefined,
          monthlySales: undefined,
          category: undefined,
          badRatingRate: 0.0001,
          observedAt: '2026-03-01T02:30:00.500Z',
        },
        '2026-03-01T02:30:00.5+00:00',
      ],
    ];
    for (const [over, at] of cases) {
      const row = rowOf(over);
      const fields = copyLine(row).slice(0, -1).split('\t');
      expect(fields.slice(0, LISTING_COLUMNS.length)).toEqual(generalLine(row));
      expect(JSON.parse(fields[LISTING_COLUMNS.length])).toEqual([
        { at, priceFen: row.priceFen, monthlySales: row.monthlySales },
      ]);
    }
  });
});

describe("a listing's key hash (which rows wait for the chunk committing)", () => {
  it('is the same for the same listing and differs where only the split between platform and id differs', () => {
    expect(listingKeyHash('taobao', 'TB1')).toBe(listingKeyHash('taobao', 'TB1'));
    expect(listingKeyHash('taobao', 'TB1')).not.toBe(listingKeyHash('taobaoT', 'B1'));
    expect(listingKeyHash('jd', '1')).not.toBe(listingKeyHash('pdd', '1'));
  });

  it('gives a million listings of several platforms a million distinct safe integers', () => {
    const seen = new Set<number>();
    let unsafe = 0;
    for (const platform of ['taobao', 'jd', 'pdd', 'douyin']) {
      for (let i = 0; i < 250_000; i++) {
        const hash = listingKeyHash(platform, `L${i}`);
        if (!Number.isSafeInteger(hash) || hash < 0) unsafe++;
        seen.add(hash);
      }
    }
    expect(unsafe).toBe(0);
    expect(seen.size).toBe(1_000_000);
  });
});
