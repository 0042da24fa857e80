/**
 * The platform's shop id as a shop address carries it: `shop778899.taobao.com` → `778899`,
 * `…/shop/view_shop.htm?shop_id=123` or `…?shopId=123` → `123`, `mall.jd.com/index-1000.html` →
 * `1000`, `…/shop/abc` → `abc`; otherwise the host and path (still one shop).
 */
export function platformShopId(shopUrl: string): string {
  let url: URL;
  try {
    url = new URL(shopUrl);
  } catch {
    return shopUrl;
  }
  const param = ['shop_id', 'shopId', 'shopid', 'sellerId', 'seller_id']
    .map((name) => url.searchParams.get(name))
    .find((v): v is string => !!v);
  if (param) return param;
  const host = /^shop(\d+)\./i.exec(url.hostname);
  if (host?.[1]) return host[1];
  const index = /\/index-(\d+)\.html?$/i.exec(url.pathname);
  if (index?.[1]) return index[1];
  const path = /\/(?:shop|store)\/([\w-]+)/i.exec(url.pathname);
  if (path?.[1]) return path[1];
  return `${url.hostname}${url.pathname.replace(/\/$/, '')}`;
}
