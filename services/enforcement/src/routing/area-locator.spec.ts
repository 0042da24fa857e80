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

/**
 * Area codes as they were: Zhejiang's changes since 2000 (merged whole, split by named towns, redrawn,
 * renumbered, renamed), and credit codes against addresses.
 */
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
  {
    name: '江东区 330204 merged whole into 鄞州区 (2016) → 鄞州区',
    facts: { unifiedSocialCreditCode: uscc('330204') },
    expected: { district: '330212' },
  },
  {
    name: '奉化市 330283 became 奉化区 (2016) → 奉化区',
    facts: { unifiedSocialCreditCode: uscc('330283') },
    expected: { district: '330213' },
  },
  {
    name: '玉环县 331021 became 玉环市 331083 (2017)',
    facts: { unifiedSocialCreditCode: uscc('331021') },
    expected: { district: '331083' },
  },
  {
    name: 'a credit code of 鄞州区 330212 (redrawn 2016): the address names 古林镇 → 海曙区',
    facts: {
      unifiedSocialCreditCode: uscc('330212'),
      registeredAddress: '浙江省宁波市鄞州区古林镇薛家村1号',
    },
    expected: { district: '330203' },
  },
  {
    name: 'a credit code of 鄞州区 330212 alone → triage naming 鄞州区 and 海曙区',
    facts: { unifiedSocialCreditCode: uscc('330212') },
    expected: { unresolved: /宁波市鄞州区 \(330212\) and 宁波市海曙区 \(330203\)/ },
  },
  {
    name: 'a credit code of 苍南县 330327 (redrawn 2019): the address names 龙港镇 → 龙港市',
    facts: {
      unifiedSocialCreditCode: uscc('330327'),
      registeredAddress: '浙江省温州市苍南县龙港镇世纪大道1号',
    },
    expected: { district: '330383' },
  },
  {
    name: 'a credit code of 上虞区 330604 (redrawn 2021): the address names 沥海街道 → 越城区',
    facts: { unifiedSocialCreditCode: uscc('330604'), registeredAddress: '浙江省绍兴市上虞区沥海街道1号' },
    expected: { district: '330602' },
  },
  {
    name: 'a credit code of 上虞区 330604 alone → triage naming 上虞区 and 越城区',
    facts: { unifiedSocialCreditCode: uscc('330604') },
    expected: { unresolved: /绍兴市上虞区 \(330604\) and 绍兴市越城区 \(330602\)/ },
  },
  {
    name: 'a recorded 萧山市 330181 (2001 → 萧山区, part of it 钱塘区 since 2021), no address → triage naming both',
    facts: { registeredAreaCode: '330181' },
    expected: { unresolved: /杭州市萧山区 \(330109\) and 杭州市钱塘区 \(330114\)/ },
  },
  {
    name: 'a recorded 萧山市 330181 with an address naming 义蓬街道 → 钱塘区',
    facts: { registeredAreaCode: '330181', registeredAddress: '杭州市萧山市义蓬街道1号' },
    expected: { district: '330114' },
  },
  {
    name: 'a recorded 鄞县 330227 (2002 → 鄞州区) with an address naming 横街镇 → 海曙区',
    facts: { registeredAreaCode: '330227', registeredAddress: '宁波市鄞县横街镇1号' },
    expected: { district: '330203' },
  },
  {
    name: '洞头县 330322 became 洞头区 (2015)',
    facts: { registeredAreaCode: '330322' },
    expected: { district: '330305' },
  },
  {
    name: '县级丽水市 332501 became 莲都区 (2000)',
    facts: { registeredAreaCode: '332501' },
    expected: { district: '331102' },
  },
  {
    name: '衢县 330821 split (2001): the address names 航埠镇 → 柯城区',
    facts: { registeredAreaCode: '330821', registeredAddress: '浙江省衢州市衢县航埠镇1号' },
    expected: { district: '330802' },
  },
  {
    name: '衢县 330821 split (2001): the address names 樟潭镇 → 衢江区',
    facts: { registeredAreaCode: '330821', registeredAddress: '浙江省衢州市衢县樟潭镇1号' },
    expected: { district: '330803' },
  },
  {
    name: '绍兴县 330621 split (2013): the address names 孙端镇 → 越城区',
    facts: { registeredAreaCode: '330621', registeredAddress: '浙江省绍兴市绍兴县孙端镇1号' },
    expected: { district: '330602' },
  },
  {
    name: '绍兴县 330621 split (2013), no address → triage naming 柯桥区 and 越城区',
    facts: { registeredAreaCode: '330621' },
    expected: { unresolved: /绍兴市柯桥区 \(330603\) and 绍兴市越城区 \(330602\)/ },
  },
  {
    name: '金华县 330721 split (2000): the address names 孝顺镇 → 金东区',
    facts: { registeredAreaCode: '330721', registeredAddress: '浙江省金华市金华县孝顺镇1号' },
    expected: { district: '330703' },
  },
  {
    name: 'a credit code of 瓯海区 330304: its 2001 redraw predates credit codes → 瓯海区',
    facts: { unifiedSocialCreditCode: uscc('330304') },
    expected: { district: '330304' },
  },
  {
    name: 'an old address 温州市瓯海区藤桥镇 (to 鹿城区 in 2001) → 鹿城区',
    facts: { registeredAddress: '浙江省温州市瓯海区藤桥镇1号' },
    expected: { district: '330302' },
  },
  {
    name: 'an old address naming 秀城区 (renamed 南湖区 in 2005) → 南湖区',
    facts: { registeredAddress: '嘉兴市秀城区中山路1号' },
    expected: { district: '330402' },
  },
  {
    name: 'an address naming only 丽水市 (today the prefecture, not 县级丽水市) → not placed',
    facts: { registeredAddress: '浙江省丽水市中山街1号' },
    expected: { unresolved: /not resolvable/ },
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

  it('keeps one row per code, each citing the approval that made the change', () => {
    const codes = AREA_CODE_HISTORY.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const change of AREA_CODE_HISTORY) {
      expect(change.basis).toMatch(/〔\d{4}〕\d+号/);
      expect(change.code.startsWith('33')).toBe(true);
      expect(change.effective >= '2000-01').toBe(true);
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
