import type { SellerFacts } from '@qis/contracts';
import { uscc } from '../testing/credit-code';
import { AREA_CODE_HISTORY } from './area-code-history';
import { AreaDirectory } from './area-directory';
import { AreaLocator } from './area-locator';

const areas = AreaDirectory.fromChinaDivision();
const locator = new AreaLocator(areas);

const seller = (over: Partial<SellerFacts>): SellerFacts => ({
  name: '杭州示例商贸有限公司',
  entityType: 'enterprise',
  shopName: '示例店',
  shopUrl: 'https://shop.example.com',
  ...over,
});

interface Case {
  name: string;
  facts: Partial<SellerFacts>;
  expected: { district: string } | { unresolved: RegExp };
}

/** Area codes as they were: Hangzhou's 2021 changes, 临安 2017, and credit codes against addresses. */
const cases: Case[] = [
  {
    name: '下城区 330103 merged whole into 拱墅区 → the credit code resolves to its successor',
    facts: { unifiedSocialCreditCode: uscc('330103') },
    expected: { district: '330105' },
  },
  {
    name: 'a recorded district 330103 (retired) → 拱墅区',
    facts: { registeredAreaCode: '330103' },
    expected: { district: '330105' },
  },
  {
    name: 'an old address naming 下城区 → 拱墅区',
    facts: { registeredAddress: '杭州市下城区武林街道体育场路1号' },
    expected: { district: '330105' },
  },
  {
    name: '江干区 330104 split; the address names 下沙街道 → 钱塘区',
    facts: {
      unifiedSocialCreditCode: uscc('330104'),
      registeredAddress: '浙江省杭州市江干区下沙街道6号大街',
    },
    expected: { district: '330114' },
  },
  {
    name: '江干区 330104 split; the address names 凯旋街道 → 上城区',
    facts: { unifiedSocialCreditCode: uscc('330104'), registeredAddress: '杭州市江干区凯旋街道凯旋路1号' },
    expected: { district: '330102' },
  },
  {
    name: '江干区 330104 split, no address → triage naming both successors',
    facts: { unifiedSocialCreditCode: uscc('330104') },
    expected: {
      unresolved:
        /330104 江干区 was split in 2021-04 between 杭州市上城区 \(330102\) and 杭州市钱塘区 \(330114\)/,
    },
  },
  {
    name: '江干区 330104 split, an address naming neither part → triage naming both',
    facts: { unifiedSocialCreditCode: uscc('330104'), registeredAddress: '某某大厦3楼' },
    expected: {
      unresolved:
        /上城区 \(330102\) and 杭州市钱塘区 \(330114\); the address "某某大厦3楼" does not say which/,
    },
  },
  {
    name: 'a credit code of 余杭区 330110 (redrawn): the address names 塘栖镇 → 临平区',
    facts: {
      unifiedSocialCreditCode: uscc('330110'),
      registeredAddress: '浙江省杭州市余杭区塘栖镇水北街1号',
    },
    expected: { district: '330113' },
  },
  {
    name: 'a credit code of 余杭区 330110: the address names 五常街道 → 余杭区',
    facts: {
      unifiedSocialCreditCode: uscc('330110'),
      registeredAddress: '杭州市余杭区五常街道文一西路969号',
    },
    expected: { district: '330110' },
  },
  {
    name: 'a credit code of 余杭区 330110 and an address already in 临平区 → 临平区 (consistent)',
    facts: { unifiedSocialCreditCode: uscc('330110'), registeredAddress: '浙江省杭州市临平区南苑街道1号' },
    expected: { district: '330113' },
  },
  {
    name: 'a credit code of 余杭区 330110 alone → triage naming 余杭区 and 临平区',
    facts: { unifiedSocialCreditCode: uscc('330110') },
    expected: { unresolved: /杭州市余杭区 \(330110\) and 杭州市临平区 \(330113\)/ },
  },
  {
    name: 'an old address 萧山区义蓬街道 → 钱塘区',
    facts: { registeredAddress: '浙江省杭州市萧山区义蓬街道1号' },
    expected: { district: '330114' },
  },
  {
    name: '临安市 330185 (retired 2017) → 临安区',
    facts: { unifiedSocialCreditCode: uscc('330185') },
    expected: { district: '330112' },
  },
  {
    name: 'a credit code of 西湖区 against an address in 滨江区 → conflict, both named',
    facts: { unifiedSocialCreditCode: uscc('330106'), registeredAddress: '杭州市滨江区江南大道100号' },
    expected: {
      unresolved:
        /杭州市滨江区 \(330108\) but the credit code .* was issued in 杭州市西湖区 \(330106\): conflict/,
    },
  },
  {
    name: 'a credit code of 下城区 with an address in 拱墅区 → consistent (its successor)',
    facts: { unifiedSocialCreditCode: uscc('330103'), registeredAddress: '杭州市拱墅区武林街道1号' },
    expected: { district: '330105' },
  },
  {
    name: 'a city-level credit code (330100) with a district address → the address',
    facts: { unifiedSocialCreditCode: uscc('330100'), registeredAddress: '杭州市滨江区江南大道100号' },
    expected: { district: '330108' },
  },
];

describe('AreaLocator: area codes as they were', () => {
  it.each(cases)('$name', ({ facts, expected }) => {
    const found = locator.seller(seller(facts));
    if ('district' in expected) {
      expect({ district: found.district?.code, unresolved: found.unresolved }).toEqual({
        district: expected.district,
        unresolved: undefined,
      });
      expect(found.reasons.length).toBeGreaterThan(0);
    } else {
      expect(found.district).toBeUndefined();
      expect(found.unresolved).toMatch(expected.unresolved);
    }
  });

  it("every successor in the history is one of today's districts, and every retired code is gone", () => {
    for (const change of AREA_CODE_HISTORY) {
      for (const s of change.successors) expect(areas.district(s.code)?.name).toBe(s.name);
      if (change.status === 'retired') expect(areas.district(change.code)).toBeUndefined();
      else expect(areas.district(change.code)).toBeDefined();
    }
  });
});
