import {
  AREA_CODE,
  CATEGORY_CODE,
  EXTERNAL_ID,
  isUnifiedSocialCreditCode,
  PLATFORM_CODE,
  SELLER_ENTITY_TYPES,
  UTC_TIMESTAMP,
  type SellerEntityType,
} from '@qis/contracts';
import { isKnownAreaCode } from '../shared/area-codes';
import { brandSpecKey } from '../shared/brand-spec-key';
import { riskyClaimHits } from '../shared/promotional-claims';
import type { ListingRow, RowError } from './listing-row';

/** The fields of a bulk import, CSV header or JSON keys alike. */
export const IMPORT_FIELDS = [
  'platform',
  'listingId',
  'url',
  'title',
  'category',
  'brand',
  'specModel',
  'priceFen',
  'monthlySales',
  'stock',
  'ratingCount',
  'badRatingRate',
  'promotionalClaims',
  'shopName',
  'shopUrl',
  'sellerName',
  'sellerEntityType',
  'sellerCreditCode',
  'sellerAreaCode',
  'sellerAddress',
  'operatorName',
  'operatorAreaCode',
  'observedAt',
] as const;

export const REQUIRED_IMPORT_FIELDS = [
  'platform',
  'listingId',
  'url',
  'title',
  'priceFen',
  'shopName',
  'shopUrl',
  'sellerName',
  'operatorName',
  'observedAt',
] as const;

/** Where each of IMPORT_FIELDS is in a CSV header, -1 when absent. */
export function importColumns(header: readonly string[]): number[] {
  return IMPORT_FIELDS.map((f) => header.indexOf(f));
}

const cell = (fields: readonly string[], i: number): string | undefined => (i < 0 ? undefined : fields[i]);

/** A CSV record as an import record; one literal, so every record has the same shape (fast to read). */
export function csvImportRecord(fields: readonly string[], at: readonly number[]): ImportRecord {
  return {
    platform: cell(fields, at[0]),
    listingId: cell(fields, at[1]),
    url: cell(fields, at[2]),
    title: cell(fields, at[3]),
    category: cell(fields, at[4]),
    brand: cell(fields, at[5]),
    specModel: cell(fields, at[6]),
    priceFen: cell(fields, at[7]),
    monthlySales: cell(fields, at[8]),
    stock: cell(fields, at[9]),
    ratingCount: cell(fields, at[10]),
    badRatingRate: cell(fields, at[11]),
    promotionalClaims: cell(fields, at[12]),
    shopName: cell(fields, at[13]),
    shopUrl: cell(fields, at[14]),
    sellerName: cell(fields, at[15]),
    sellerEntityType: cell(fields, at[16]),
    sellerCreditCode: cell(fields, at[17]),
    sellerAreaCode: cell(fields, at[18]),
    sellerAddress: cell(fields, at[19]),
    operatorName: cell(fields, at[20]),
    operatorAreaCode: cell(fields, at[21]),
    observedAt: cell(fields, at[22]),
  };
}

const KNOWN = new Set<string>(IMPORT_FIELDS);
const MAX_COUNT = 1_000_000_000;
const ENTITY_TYPES = new Set<string>(SELLER_ENTITY_TYPES);

/** A record as read: CSV cells are strings, JSON values anything. */
export type ImportRecord = { readonly [field: string]: unknown };

/** Text as given: CSV cells are strings, JSON values may be numbers; empty means absent. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : undefined;
  return s === '' ? undefined : s;
}

const HTTP = /^https?:\/\//i;
/** PostgreSQL text cannot hold it. */
const NUL = '\u0000';
const NUL_REASON = 'must not contain a NUL character';
const DIGITS = /^\d+$/;
const SHARE = /^\d*\.?\d+$/;

function isHttpUrl(s: string): boolean {
  if (!HTTP.test(s) || s.length > 2000) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/** The problems of one record, in the order they are found. */
class RecordCheck {
  errors: RowError[] | undefined;

  constructor(private readonly row: number) {}

  fail(field: string, reason: string): void {
    (this.errors ??= []).push({ row: this.row, field, reason });
  }

  matches(v: string | undefined, field: string, pattern: RegExp, reason: string): string | null {
    if (v === undefined) return null;
    if (!pattern.test(v)) this.fail(field, reason);
    return v;
  }

  bounded(v: string | undefined, field: string, max: number): string | null {
    if (v !== undefined && v.length > max) this.fail(field, `must be at most ${max} characters`);
    else if (v !== undefined && v.includes(NUL)) this.fail(field, NUL_REASON);
    return v ?? null;
  }

  count(v: string | undefined, field: string, min = 0): number | null {
    if (v === undefined) return null;
    const n = Number(v);
    if (!DIGITS.test(v) || n < min || n > MAX_COUNT) {
      this.fail(field, `must be a whole number from ${min} to ${MAX_COUNT}`);
      return null;
    }
    return n;
  }

  url(v: string | undefined, field: string): string | null {
    if (v !== undefined && (!isHttpUrl(v) || v.includes(NUL))) this.fail(field, 'must be an http(s) URL');
    return v ?? null;
  }

  area(v: string | undefined, field: string): string | null {
    if (v === undefined) return null;
    if (!AREA_CODE.test(v)) this.fail(field, 'must be a six-digit GB/T 2260 area code');
    else if (!isKnownAreaCode(v)) this.fail(field, 'is not a GB/T 2260 area code');
    return v;
  }
}

/**
 * Checks one imported record and turns it into a listing row, or names every bad field. Pure and
 * cheap (one small object besides the row, every field read once): it runs once per row of
 * million-row imports.
 */
export function parseListingRecord(
  raw: ImportRecord,
  row: number,
): { row: ListingRow } | { errors: RowError[] } {
  const check = new RecordCheck(row);
  for (const key in raw) if (!KNOWN.has(key)) check.fail(key, 'unknown field');
  const platformText = text(raw['platform']);
  const listingIdText = text(raw['listingId']);
  const urlText = text(raw['url']);
  const titleText = text(raw['title']);
  const priceText = text(raw['priceFen']);
  const shopNameText = text(raw['shopName']);
  const shopUrlText = text(raw['shopUrl']);
  const sellerNameText = text(raw['sellerName']);
  const operatorNameText = text(raw['operatorName']);
  const observedAtText = text(raw['observedAt']);
  // In the order of REQUIRED_IMPORT_FIELDS.
  if (platformText === undefined) check.fail('platform', 'is required');
  if (listingIdText === undefined) check.fail('listingId', 'is required');
  if (urlText === undefined) check.fail('url', 'is required');
  if (titleText === undefined) check.fail('title', 'is required');
  if (priceText === undefined) check.fail('priceFen', 'is required');
  if (shopNameText === undefined) check.fail('shopName', 'is required');
  if (shopUrlText === undefined) check.fail('shopUrl', 'is required');
  if (sellerNameText === undefined) check.fail('sellerName', 'is required');
  if (operatorNameText === undefined) check.fail('operatorName', 'is required');
  if (observedAtText === undefined) check.fail('observedAt', 'is required');

  const platform = check.matches(
    platformText,
    'platform',
    PLATFORM_CODE,
    'must be a lower-case platform code, e.g. taobao',
  );
  const listingId = check.matches(
    listingIdText,
    'listingId',
    EXTERNAL_ID,
    'must be the platform listing id (letters, digits, . _ -)',
  );
  const category = check.matches(
    text(raw['category']),
    'category',
    CATEGORY_CODE,
    'must be a kebab-case category code, e.g. silk-quilt',
  );
  const priceFen = check.count(priceText, 'priceFen', 1);
  const badRate = text(raw['badRatingRate']);
  let badRatingRate: number | null = null;
  if (badRate !== undefined) {
    const n = Number(badRate);
    if (!SHARE.test(badRate) || n < 0 || n > 1) check.fail('badRatingRate', 'must be a share from 0 to 1');
    else badRatingRate = Math.round(n * 10_000) / 10_000;
  }
  const claims = promotionalClaims(raw['promotionalClaims']);
  if (claims.length > 20 || claims.some((c) => c.length > 100 || c.includes(NUL))) {
    check.fail('promotionalClaims', 'at most 20 claims of at most 100 characters, separated by |');
  }
  const entity = text(raw['sellerEntityType']) ?? 'enterprise';
  if (!ENTITY_TYPES.has(entity)) {
    check.fail('sellerEntityType', `must be one of ${SELLER_ENTITY_TYPES.join(', ')}`);
  }
  const creditCode = text(raw['sellerCreditCode']);
  if (creditCode !== undefined && !isUnifiedSocialCreditCode(creditCode)) {
    check.fail(
      'sellerCreditCode',
      'must be a unified social credit code with a valid check character (GB 32100)',
    );
  } else if (creditCode === undefined && entity !== 'natural-person') {
    check.fail('sellerCreditCode', 'is required unless the seller is a natural person');
  }
  const observedAt = check.matches(
    observedAtText,
    'observedAt',
    UTC_TIMESTAMP,
    'must be a UTC ISO-8601 instant, e.g. 2026-03-01T02:30:00Z',
  );
  if (observedAt !== null && UTC_TIMESTAMP.test(observedAt) && !isCalendarDay(observedAt)) {
    check.fail('observedAt', 'is not a real calendar day');
  }
  const url = check.url(urlText, 'url');
  const title = check.bounded(titleText, 'title', 300);
  const brand = check.bounded(text(raw['brand']), 'brand', 200);
  const specModel = check.bounded(text(raw['specModel']), 'specModel', 200);
  const monthlySales = check.count(text(raw['monthlySales']), 'monthlySales');
  const stock = check.count(text(raw['stock']), 'stock');
  const ratingCount = check.count(text(raw['ratingCount']), 'ratingCount');
  const shopName = check.bounded(shopNameText, 'shopName', 200);
  const shopUrl = check.url(shopUrlText, 'shopUrl');
  const sellerName = check.bounded(sellerNameText, 'sellerName', 200);
  const sellerAreaCode = check.area(text(raw['sellerAreaCode']), 'sellerAreaCode');
  const sellerAddress = check.bounded(text(raw['sellerAddress']), 'sellerAddress', 300);
  const operatorName = check.bounded(operatorNameText, 'operatorName', 200);
  const operatorAreaCode = check.area(text(raw['operatorAreaCode']), 'operatorAreaCode');
  if (check.errors) return { errors: check.errors };
  return {
    row: {
      platform: platform ?? '',
      platformListingId: listingId ?? '',
      url: url ?? '',
      title: title ?? '',
      category,
      brand,
      specModel,
      brandSpecKey: brandSpecKey(brand, specModel),
      priceFen: priceFen ?? 0,
      monthlySales,
      stock,
      ratingCount,
      badRatingRate,
      promotionalClaims: claims,
      promoHits: riskyClaimHits(claims.length === 0 ? [title ?? ''] : [...claims, title ?? '']),
      shopName: shopName ?? '',
      shopUrl: shopUrl ?? '',
      sellerName: sellerName ?? '',
      sellerEntityType: entity as SellerEntityType,
      sellerCreditCode: creditCode ?? null,
      sellerAreaCode,
      sellerAddress,
      operatorName: operatorName ?? '',
      operatorAreaCode,
      observedAt: observedAt ?? '',
    },
  };
}

/** Whether an ISO date (`2026-02-30…`, `0000-…`) is a real day; PostgreSQL refuses one that isn't. */
function isCalendarDay(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  if (year === 0) return false;
  const day = Number(iso.slice(8, 10));
  if (day <= 28) return true;
  const month = Number(iso.slice(5, 7));
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Claims as a JSON array, or CSV text separated by |; blanks dropped. */
function promotionalClaims(v: unknown): string[] {
  let claims: string[];
  if (Array.isArray(v)) claims = v.map(String);
  else {
    const c = text(v);
    if (c === undefined) return [];
    claims = c.split('|');
  }
  return claims.map((c) => c.trim()).filter((c) => c !== '');
}
