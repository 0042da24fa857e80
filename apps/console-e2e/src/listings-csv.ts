import { unifiedSocialCreditCheckCharacter } from '@qis/contracts';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code (GB 32100, check character computed) of seller `n`. */
export function creditCode(n: number, area = '330106'): string {
  let body = '';
  let x = n;
  for (let i = 0; i < 9; i++) {
    body += CHARSET[x % 31];
    x = Math.floor(x / 31);
  }
  const first17 = `91${area}${body}`;
  return first17 + unifiedSocialCreditCheckCharacter(first17);
}

const FIELDS = [
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
  'shopName',
  'shopUrl',
  'sellerName',
  'sellerEntityType',
  'sellerCreditCode',
  'sellerAreaCode',
  'operatorName',
  'operatorAreaCode',
  'observedAt',
] as const;

/**
 * A listings CSV as a platform's data pool exports it: `good` silk quilts of Hangzhou sellers on a
 * Hangzhou platform (in scope, under the price cap), then rows with a bad price and a bad credit code.
 */
export function listingsCsv(tag: string, good: number): string {
  const row = (i: number, over: Partial<Record<(typeof FIELDS)[number], string>> = {}) => {
    const id = `${tag}-${i}`;
    const values: Record<(typeof FIELDS)[number], string> = {
      platform: 'lanjing',
      listingId: id,
      url: `https://item.lanjing.example.cn/${id}`,
      title: `桑蚕丝被 春秋被 ${id}`,
      category: 'silk-quilt',
      brand: `丝韵${tag}${i}`,
      specModel: '200×230cm',
      priceFen: String(39_900 + i * 1_000),
      monthlySales: String(100 + i * 37),
      stock: '80',
      ratingCount: '60',
      badRatingRate: '0.02',
      shopName: `丝韵家纺${i}号店`,
      shopUrl: `https://shop.lanjing.example.cn/${id}`,
      sellerName: `杭州丝韵家纺${i}有限公司`,
      sellerEntityType: 'enterprise',
      sellerCreditCode: creditCode(7000 + i),
      sellerAreaCode: '330106',
      operatorName: '杭州蓝鲸电子商务有限公司',
      operatorAreaCode: '330108',
      observedAt: '2026-11-20T02:00:00Z',
      ...over,
    };
    return FIELDS.map((f) => values[f]).join(',');
  };
  return [
    FIELDS.join(','),
    ...Array.from({ length: good }, (_, i) => row(i + 1)),
    row(good + 1, { priceFen: 'cheap' }),
    row(good + 2, { sellerCreditCode: '91330106ABCDEFGHIJ' }),
  ].join('\n');
}
