import { creditCode, listingRecord } from '../test-support/planning-factories';
import { parseListingRecord } from './parse-listing-record';

describe('an imported listing record', () => {
  it('becomes a row with its brand + spec/model key and risky-claim hits', () => {
    const result = parseListingRecord({ ...listingRecord('1'), promotionalClaims: '限时秒杀|包邮' }, 2);
    expect('row' in result && result.row).toMatchObject({
      platformListingId: '1',
      priceFen: 59_900,
      brandSpecKey: '品牌1|200230cm',
      promotionalClaims: ['限时秒杀', '包邮'],
    });
    expect('row' in result && result.row.promoHits).toBeGreaterThan(0);
  });

  it('rejects a credit code whose check character is wrong, naming the field', () => {
    const good = creditCode(7);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(parseListingRecord(listingRecord('1', { sellerCreditCode: bad }), 5)).toEqual({
      errors: [{ row: 5, field: 'sellerCreditCode', reason: expect.stringContaining('check character') }],
    });
  });

  it('rejects an area code that names no GB/T 2260 area', () => {
    const result = parseListingRecord(listingRecord('1', { sellerAreaCode: '339999' }), 3);
    expect(result).toEqual({
      errors: [{ row: 3, field: 'sellerAreaCode', reason: 'is not a GB/T 2260 area code' }],
    });
  });

  it('names every bad field of a row at once', () => {
    const result = parseListingRecord(
      listingRecord('1', { priceFen: '-5', url: 'ftp://x', observedAt: 'yesterday' }),
      9,
    );
    expect('errors' in result && result.errors.map((e) => e.field).sort()).toEqual([
      'observedAt',
      'priceFen',
      'url',
    ]);
  });

  it('lets a natural person sell without a credit code, but no enterprise', () => {
    expect(
      'row' in
        parseListingRecord(
          listingRecord('1', { sellerCreditCode: undefined, sellerEntityType: 'natural-person' }),
          1,
        ),
    ).toBe(true);
    expect(parseListingRecord(listingRecord('1', { sellerCreditCode: undefined }), 1)).toEqual({
      errors: [
        { row: 1, field: 'sellerCreditCode', reason: 'is required unless the seller is a natural person' },
      ],
    });
  });

  it('refuses unknown fields', () => {
    expect(parseListingRecord({ ...listingRecord('1'), colour: 'red' }, 1)).toEqual({
      errors: [{ row: 1, field: 'colour', reason: 'unknown field' }],
    });
  });

  it('rejects an observation on a day that is not in the calendar', () => {
    for (const observedAt of ['2026-02-29T00:00:00Z', '0000-01-01T00:00:00Z', '2026-04-31T08:00:00.250Z']) {
      expect(parseListingRecord(listingRecord('1', { observedAt }), 4)).toEqual({
        errors: [{ row: 4, field: 'observedAt', reason: 'is not a real calendar day' }],
      });
    }
    expect(
      'row' in parseListingRecord(listingRecord('1', { observedAt: '2028-02-29T23:59:59.999Z' }), 4),
    ).toBe(true);
  });

  it('rejects text PostgreSQL cannot store (a NUL character)', () => {
    expect(
      parseListingRecord(
        listingRecord('1', { title: 'a\u0000b', shopUrl: 'https://x.example.com/\u0000' }),
        6,
      ),
    ).toEqual({
      errors: [
        { row: 6, field: 'title', reason: 'must not contain a NUL character' },
        { row: 6, field: 'shopUrl', reason: 'must be an http(s) URL' },
      ],
    });
  });
});
