import type { ListingSignalValue } from '@qis/contracts';
import { isKnownAreaCode } from '../shared/area-codes';
import { brandSpecKey } from '../shared/brand-spec-key';
import { riskyClaimHits } from '../shared/promotional-claims';
import type { ListingRow } from './listing-row';

/** A platform's listing signal as a listing row; an area code that names no GB/T 2260 area is refused. */
export function listingSignalRow(s: ListingSignalValue): ListingRow {
  for (const [field, code] of [
    ['seller.registeredAreaCode', s.seller.registeredAreaCode],
    ['operator.operatorRegisteredAreaCode', s.operator.operatorRegisteredAreaCode],
  ] as const) {
    if (code !== undefined && !isKnownAreaCode(code)) {
      throw new Error(`${field}: ${code} is not a GB/T 2260 area code`);
    }
  }
  const claims = s.promotionalClaims ?? [];
  return {
    platform: s.platform,
    platformListingId: s.listingId,
    url: s.url,
    title: s.title,
    category: s.category ?? null,
    brand: s.brand ?? null,
    specModel: s.specModel ?? null,
    brandSpecKey: brandSpecKey(s.brand, s.specModel),
    priceFen: s.priceFen,
    monthlySales: s.monthlySales ?? null,
    stock: s.stock ?? null,
    ratingCount: s.ratingCount ?? null,
    badRatingRate: s.badRatingRate ?? null,
    promotionalClaims: claims,
    promoHits: riskyClaimHits([...claims, s.title]),
    shopName: s.seller.shopName,
    shopUrl: s.seller.shopUrl,
    sellerName: s.seller.name,
    sellerEntityType: s.seller.entityType,
    sellerCreditCode: s.seller.unifiedSocialCreditCode ?? null,
    sellerAreaCode: s.seller.registeredAreaCode ?? null,
    sellerAddress: s.seller.registeredAddress ?? null,
    operatorName: s.operator.operatorName,
    operatorAreaCode: s.operator.operatorRegisteredAreaCode ?? null,
    observedAt: s.observedAt,
  };
}
