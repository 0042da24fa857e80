import type { SellerFacts } from '@qis/contracts';

/**
 * The seller as blacklists and rotation know it: the unified social credit code, else (natural
 * persons) the shop URL without query or trailing slash.
 */
export function sellerKey(seller: Pick<SellerFacts, 'unifiedSocialCreditCode' | 'shopUrl'>): string {
  if (seller.unifiedSocialCreditCode) return `uscc:${seller.unifiedSocialCreditCode}`;
  const url = new URL(seller.shopUrl);
  return `shop:${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
}
