import type { SellerEntityType } from '@qis/contracts';

/** One validated listing observation, in the shape of the `listing` table. */
export interface ListingRow {
  platform: string;
  platformListingId: string;
  url: string;
  title: string;
  category: string | null;
  brand: string | null;
  specModel: string | null;
  brandSpecKey: string | null;
  priceFen: number;
  monthlySales: number | null;
  stock: number | null;
  ratingCount: number | null;
  badRatingRate: number | null;
  promotionalClaims: string[];
  promoHits: number;
  shopName: string;
  shopUrl: string;
  sellerName: string;
  sellerEntityType: SellerEntityType;
  sellerCreditCode: string | null;
  sellerAreaCode: string | null;
  sellerAddress: string | null;
  operatorName: string;
  operatorAreaCode: string | null;
  observedAt: string;
}

/** A problem with one field of one row of an import: the row is left out, the others are kept. */
export interface RowError {
  row: number;
  field: string;
  reason: string;
}
