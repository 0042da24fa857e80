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

const KNOWN = new Set<string>(IMPORT_FIELDS);
const MAX_COUNT = 1_000_000_000;

type Raw = Record<string, unknown>;

/** Text as given: CSV cells are strings, JSON values may be numbers; empty means absent. */
function text(raw: Raw, field: string): string | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  const s =
    typeof v === 'string'
      ? v.trim()
      : typeof v === 'number' || typeof v === 'boolean'
        ? String(v)
        : undefined;
  return s === '' ? undefined : s;
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s) || s.length > 2000) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks one imported record and turns it into a listing row, or names every bad field. Pure and
 * cheap (no class instances): it runs once per row of million-row imports.
 */
export function parseListingRecord(raw: Raw, row: number): { row: ListingRow } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (field: string, reason: string) => errors.push({ row, field, reason });
  for (const key of Object.keys(raw)) if (!KNOWN.has(key)) fail(key, 'unknown field');
  for (const field of REQUIRED_IMPORT_FIELDS) if (text(raw, field) === undefined) fail(field, 'is required');

  const matches = (field: string, pattern: RegExp, reason: string): string | null => {
    const v = text(raw, field);
    if (v === undefined) return null;
    if (!pattern.test(v)) fail(field, reason);
    return v;
  };
  const bounded = (field: string, max: number): string | null => {
    const v = text(raw, field);
    if (v !== undefined && v.length > max) fail(field, `must be at most ${max} characters`);
    return v ?? null;
  };
  const count = (field: string, min = 0): number | null => {
    const v = text(raw, field);
    if (v === undefined) return null;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > MAX_COUNT) {
      fail(field, `must be a whole number from ${min} to ${MAX_COUNT}`);
      return null;
    }
    return Number(v);
  };
  const url = (field: string): string | null => {
    const v = text(raw, field);
    if (v !== undefined && !isHttpUrl(v)) fail(field, 'must be an http(s) URL');
    return v ?? null;
  };
  const area = (field: string): string | null => {
    const v = text(raw, field);
    if (v === undefined) return null;
    if (!AREA_CODE.test(v)) fail(field, 'must be a six-digit GB/T 2260 area code');
    else if (!isKnownAreaCode(v)) fail(field, 'is not a GB/T 2260 area code');
    return v;
  };

  const platform = matches('platform', PLATFORM_CODE, 'must be a lower-case platform code, e.g. taobao');
  const listingId = matches(
    'listingId',
    EXTERNAL_ID,
    'must be the platform listing id (letters, digits, . _ -)',
  );
  const category = matches('category', CATEGORY_CODE, 'must be a kebab-case category code, e.g. silk-quilt');
  const priceFen = count('priceFen', 1);
  const badRate = text(raw, 'badRatingRate');
  let badRatingRate: number | null = null;
  if (badRate !== undefined) {
    const n = Number(badRate);
    if (!/^\d*\.?\d+$/.test(badRate) || n < 0 || n > 1) fail('badRatingRate', 'must be a share from 0 to 1');
    else badRatingRate = Math.round(n * 10_000) / 10_000;
  }
  let claims: string[] = [];
  const rawClaims = raw['promotionalClaims'];
  if (Array.isArray(rawClaims)) claims = rawClaims.map(String);
  else {
    const c = text(raw, 'promotionalClaims');
    if (c !== undefined) claims = c.split('|');
  }
  claims = claims.map((c) => c.trim()).filter((c) => c !== '');
  if (claims.length > 20 || claims.some((c) => c.length > 100)) {
    fail('promotionalClaims', 'at most 20 claims of at most 100 characters, separated by |');
  }
  const entity = text(raw, 'sellerEntityType') ?? 'enterprise';
  if (!(SELLER_ENTITY_TYPES as readonly string[]).includes(entity)) {
    fail('sellerEntityType', `must be one of ${SELLER_ENTITY_TYPES.join(', ')}`);
  }
  const creditCode = text(raw, 'sellerCreditCode');
  if (creditCode !== undefined && !isUnifiedSocialCreditCode(creditCode)) {
    fail('sellerCreditCode', 'must be a unified social credit code with a valid check character (GB 32100)');
  } else if (creditCode === undefined && entity !== 'natural-person') {
    fail('sellerCreditCode', 'is required unless the seller is a natural person');
  }
  const observedAt = matches(
    'observedAt',
    UTC_TIMESTAMP,
    'must be a UTC ISO-8601 instant, e.g. 2026-03-01T02:30:00Z',
  );
  const row_: Omit<ListingRow, 'brandSpecKey' | 'promoHits'> = {
    platform: platform ?? '',
    platformListingId: listingId ?? '',
    url: url('url') ?? '',
    title: bounded('title', 300) ?? '',
    category,
    brand: bounded('brand', 200),
    specModel: bounded('specModel', 200),
    priceFen: priceFen ?? 0,
    monthlySales: count('monthlySales'),
    stock: count('stock'),
    ratingCount: count('ratingCount'),
    badRatingRate,
    promotionalClaims: claims,
    shopName: bounded('shopName', 200) ?? '',
    shopUrl: url('shopUrl') ?? '',
    sellerName: bounded('sellerName', 200) ?? '',
    sellerEntityType: entity as SellerEntityType,
    sellerCreditCode: creditCode ?? null,
    sellerAreaCode: area('sellerAreaCode'),
    sellerAddress: bounded('sellerAddress', 300),
    operatorName: bounded('operatorName', 200) ?? '',
    operatorAreaCode: area('operatorAreaCode'),
    observedAt: observedAt ?? '',
  };
  if (errors.length > 0) return { errors };
  return {
    row: {
      ...row_,
      brandSpecKey: brandSpecKey(row_.brand, row_.specModel),
      promoHits: riskyClaimHits([...claims, row_.title]),
    },
  };
}
