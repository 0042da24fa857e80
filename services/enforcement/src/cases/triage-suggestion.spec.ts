import type { OrderPlacedValue, SellerFacts } from '@qis/contracts';
import { OrderPlaced } from '@qis/contracts';
import type { BatchFile } from '../kernel/batch-file.entity';
import { uscc } from '../testing/credit-code';
import { TriageSuggester } from './triage-suggestion';

const suggester = new TriageSuggester();

const batchOf = (seller: Partial<SellerFacts>, platform?: OrderPlacedValue['platform']): BatchFile =>
  ({
    order: {
      ...OrderPlaced.example.value,
      seller: {
        name: '杭州示例商贸有限公司',
        entityType: 'enterprise',
        shopName: '示例店',
        shopUrl: 'https://shop.example.com',
        ...seller,
      },
      platform,
    },
  }) as unknown as BatchFile;

interface Row {
  name: string;
  batch: BatchFile;
  expected: { areaCode: string; reason: RegExp[]; notReason?: RegExp } | null;
}

/** The triage lead reads codes through the area-code history, and an address outweighs a credit code. */
const rows: Row[] = [
  {
    name: 'a credit code of 下城区 330103 (retired 2021) leads to 拱墅区, naming the history',
    batch: batchOf({ unifiedSocialCreditCode: uscc('330103') }),
    expected: {
      areaCode: '330105',
      reason: [
        /330103 下城区 \(retired 2021-04\) went whole to 杭州市拱墅区 \(330105\)/,
        /confirm the registered address/,
      ],
    },
  },
  {
    name: 'a credit code of 江东区 330204 (retired 2016) leads to 鄞州区',
    batch: batchOf({ unifiedSocialCreditCode: uscc('330204') }),
    expected: {
      areaCode: '330212',
      reason: [/330204 江东区 \(retired 2016-09\) went whole to 宁波市鄞州区/],
    },
  },
  {
    name: 'a credit code of 西湖区 against an address in 滨江区: the address leads, the conflict named',
    batch: batchOf({
      unifiedSocialCreditCode: uscc('330106'),
      registeredAddress: '杭州市滨江区江南大道100号',
    }),
    expected: {
      areaCode: '330108',
      reason: [/lies in 杭州市滨江区 \(330108\)/, /conflict/, /the address is the lead/],
    },
  },
  {
    name: 'a credit code of 江干区 330104 (split) with an address naming 下沙街道 → 钱塘区',
    batch: batchOf({
      unifiedSocialCreditCode: uscc('330104'),
      registeredAddress: '杭州市江干区下沙街道6号大街',
    }),
    expected: { areaCode: '330114', reason: [/split in 2021-04 .* the address names 下沙街道/] },
  },
  {
    name: 'a credit code of 江干区 330104 (split) alone: no lead (triage names both)',
    batch: batchOf({ unifiedSocialCreditCode: uscc('330104') }),
    expected: null,
  },
  {
    name: "a platform sale: the operator's credit code of 余杭区 330110 (redrawn) alone is no lead; the seller's address is, as the seller's district",
    batch: batchOf(
      { registeredAddress: '杭州市滨江区江南大道100号' },
      {
        ...OrderPlaced.example.value.platform!,
        operatorRegisteredAreaCode: undefined,
        operatorUnifiedSocialCreditCode: uscc('330110'),
      },
    ),
    expected: { areaCode: '330108', reason: [/滨江区/, /a platform sale goes to the operator’s/] },
  },
];

describe('TriageSuggester: the lead and its evidence', () => {
  it.each(rows)('$name', ({ batch, expected }) => {
    const found = suggester.suggest(batch);
    if (!expected) {
      expect(found).toBeNull();
      return;
    }
    expect(found?.areaCode).toBe(expected.areaCode);
    for (const r of expected.reason) expect(found?.reason).toMatch(r);
  });
});
