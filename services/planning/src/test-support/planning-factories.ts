import { randomUUID } from 'node:crypto';
import { unifiedSocialCreditCheckCharacter } from '@qis/contracts';
import type { CreatePlanCommand } from '../plans/create-plan.command';
import type { CategoryQuota } from '../plans/category-quota.dto';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid unified social credit code (check character computed) for seller `n`. */
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

export type ListingFields = Record<string, string | number | undefined>;

/** One import record (flat fields), Hangzhou seller on taobao unless overridden. */
export function listingRecord(id: string, over: ListingFields = {}): ListingFields {
  return {
    platform: 'taobao',
    listingId: id,
    url: `https://item.example.com/${id}`,
    title: `蚕丝被 ${id}`,
    category: 'silk-quilt',
    brand: `品牌${id}`,
    specModel: '200×230cm',
    priceFen: 59_900,
    monthlySales: 100,
    stock: 50,
    ratingCount: 20,
    badRatingRate: 0.01,
    shopName: `店铺${id}`,
    shopUrl: `https://shop.example.com/${id}`,
    sellerName: `杭州某某${id}有限公司`,
    sellerEntityType: 'enterprise',
    sellerCreditCode: creditCode(Number.parseInt(id.replace(/\D/g, '') || '1', 10)),
    sellerAreaCode: '330106',
    operatorName: '浙江天猫网络有限公司',
    operatorAreaCode: '330110',
    observedAt: '2026-03-01T00:00:00Z',
    ...over,
  };
}

const CSV_FIELDS = [
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
  'operatorName',
  'operatorAreaCode',
  'observedAt',
];

const cell = (v: string | number | undefined): string => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(records: readonly ListingFields[]): string {
  return (
    [CSV_FIELDS.join(','), ...records.map((r) => CSV_FIELDS.map((f) => cell(r[f])).join(','))].join('\n') +
    '\n'
  );
}

export function quota(over: Partial<CategoryQuota> = {}): CategoryQuota {
  return {
    category: 'silk-quilt',
    quota: 2,
    riskWeight: 0.8,
    unitPriceCapFen: 200_000,
    testUnits: 1,
    backupUnits: 1,
    testStandards: ['GB/T 24252-2019'],
    testItems: ['蚕丝含量'],
    ...over,
  };
}

export function planCommand(over: Partial<CreatePlanCommand> = {}): CreatePlanCommand {
  return {
    kind: 'routine',
    title: '2026 年第一季度网络商品质量抽检',
    seed: 'seed-1',
    randomShare: 0.5,
    scheme: {
      categories: [quota()],
      budgetFen: 100_000_000,
      buyerPoolIds: [randomUUID()],
      judgmentRules: '依据产品标准判定，任一检验项目不合格即判定为不合格',
      resultNotification: '收到检验结果之日起五个工作日内书面通知',
      reinspection: '收到结果通知书之日起十五日内可申请复检',
      contacts: [{ name: '王科长', phone: '0571-88888888' }],
    },
    ...over,
  };
}
