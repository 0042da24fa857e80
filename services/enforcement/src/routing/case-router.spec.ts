import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import { AreaDirectory } from './area-directory';
import { AuthorityDirectory } from './authority-directory';
import { CaseRouter, type RoutingInput } from './case-router';
import { defaultAuthorityDirectory } from './default-authority-directory';
import {
  DEFAULT_ROUTING_POLICY,
  matchPolicyRow,
  PLACES,
  ROUTING_POLICY,
  type RoutingPolicyConfig,
} from './routing-policy';
import { uscc } from '../testing/credit-code';

const areas = AreaDirectory.fromChinaDivision();
const directory = new AuthorityDirectory(defaultAuthorityDirectory);
const router = new CaseRouter(areas, directory);

const seller = (over: Partial<SellerFacts> = {}): SellerFacts => ({
  name: '杭州示例家纺有限公司',
  entityType: 'enterprise',
  unifiedSocialCreditCode: uscc('330106'),
  shopName: '示例家纺旗舰店',
  shopUrl: 'https://shop.example.com',
  ...over,
});
const person = (over: Partial<SellerFacts> = {}): SellerFacts => {
  const { unifiedSocialCreditCode: _none, ...rest } = seller({ entityType: 'natural-person', ...over });
  return rest;
};
const platform = (over: Partial<PlatformFacts> = {}): PlatformFacts => ({
  code: 'taobao',
  name: '淘宝',
  url: 'https://www.taobao.com',
  operatorName: '浙江淘宝网络有限公司',
  operatorRegisteredAreaCode: '330110',
  ...over,
});
const jd = platform({
  code: 'jd',
  name: '京东',
  operatorName: '北京京东叁佰陆拾度电子商务有限公司',
  operatorRegisteredAreaCode: '110115',
});
const ningbo = platform({
  code: 'nbmall',
  name: '甬城优选',
  operatorName: '宁波示例电子商务有限公司',
  operatorRegisteredAreaCode: '330212',
});

const OFFICE = '杭州市市场监督管理局网监办';

interface Row {
  name: string;
  input: RoutingInput;
  policy?: Partial<RoutingPolicyConfig>;
  row: string;
  expected: { rule: string; authority: string; copiedTo: string[]; transfer: boolean } | { triage: RegExp };
}

/** One row per routing policy row and per fact pattern that changes the outcome. */
const rows: Row[] = [
  {
    name: "platform registered in the city → platform operator's district bureau, copied to 网监办",
    input: { seller: seller({ registeredAreaCode: '330106' }), platform: platform() },
    row: 'city-platform',
    expected: {
      rule: 'platform-operator-address',
      authority: '杭州市余杭区市场监督管理局',
      copiedTo: [OFFICE],
      transfer: false,
    },
  },
  {
    name: 'platform registered in the city, seller outside the province → still the platform operator’s district (scope §2(2))',
    input: {
      seller: seller({ registeredAreaCode: '110105', unifiedSocialCreditCode: uscc('110105') }),
      platform: platform(),
    },
    row: 'city-platform',
    expected: {
      rule: 'platform-operator-address',
      authority: '杭州市余杭区市场监督管理局',
      copiedTo: [OFFICE],
      transfer: false,
    },
  },
  {
    name: "platform operator known only by a city-level credit code (330100) → triage: the district isn't shown",
    input: {
      seller: seller(),
      platform: platform({
        operatorRegisteredAreaCode: undefined,
        operatorUnifiedSocialCreditCode: '91330100799655058B',
      }),
    },
    row: 'city-platform',
    expected: { triage: /330100 is a city-level code \(杭州市\): it does not show the district/ },
  },
  {
    name: "platform sale with the operator's registration unknown → triage, not the seller's district",
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform({ operatorRegisteredAreaCode: undefined }),
    },
    row: 'platform-unknown',
    expected: { triage: /platform operator 浙江淘宝网络有限公司: registered district unknown/ },
  },
  {
    name: 'city seller on a platform outside the city, configured seller-district → the seller’s district bureau, 网监办 copied',
    input: { seller: seller({ registeredAreaCode: '330106' }), platform: jd },
    policy: { citySellerOutsidePlatform: 'seller-district' },
    row: 'city-seller-outside-platform',
    expected: {
      rule: 'seller-address',
      authority: '杭州市西湖区市场监督管理局',
      copiedTo: [OFFICE],
      transfer: false,
    },
  },
  {
    name: 'city seller on a platform outside the city → the platform operator’s province, transferred (default)',
    input: { seller: seller({ registeredAreaCode: '330106' }), platform: jd },
    row: 'city-seller-outside-platform',
    expected: { rule: 'out-of-area', authority: '北京市市场监督管理局', copiedTo: [OFFICE], transfer: true },
  },
  {
    name: '003 §2(3): province seller on a platform outside the city → the provincial bureau (default)',
    input: {
      seller: seller({ registeredAreaCode: '330502', unifiedSocialCreditCode: uscc('330502') }),
      platform: jd,
    },
    row: 'province-seller-outside-platform',
    expected: { rule: 'out-of-area', authority: '浙江省市场监督管理局', copiedTo: [OFFICE], transfer: true },
  },
  {
    name: '003 §2(3) on a platform elsewhere in the province (Ningbo) → the provincial bureau',
    input: {
      seller: seller({ registeredAreaCode: '330502', unifiedSocialCreditCode: uscc('330502') }),
      platform: ningbo,
    },
    row: 'province-seller-outside-platform',
    expected: { rule: 'out-of-area', authority: '浙江省市场监督管理局', copiedTo: [OFFICE], transfer: true },
  },
  {
    name: '003 §2(3), configured seller-city-authority → the seller’s city bureau',
    input: {
      seller: seller({ registeredAreaCode: '330502', unifiedSocialCreditCode: uscc('330502') }),
      platform: jd,
    },
    policy: { provinceSellerOutsidePlatform: 'seller-city-authority' },
    row: 'province-seller-outside-platform',
    expected: { rule: 'out-of-area', authority: '湖州市市场监督管理局', copiedTo: [OFFICE], transfer: true },
  },
  {
    name: '003 §2(3), configured platform-authority → the platform operator’s province',
    input: {
      seller: seller({ registeredAreaCode: '330502', unifiedSocialCreditCode: uscc('330502') }),
      platform: jd,
    },
    policy: { provinceSellerOutsidePlatform: 'platform-authority' },
    row: 'province-seller-outside-platform',
    expected: { rule: 'out-of-area', authority: '北京市市场监督管理局', copiedTo: [OFFICE], transfer: true },
  },
  {
    name: 'seller outside the province on a platform outside the city → triage (out of scope at planning)',
    input: {
      seller: seller({ registeredAreaCode: '110105', unifiedSocialCreditCode: uscc('110105') }),
      platform: jd,
    },
    row: 'outside-seller-outside-platform',
    expected: { triage: /out of scope \(003 §2\)/ },
  },
  {
    name: 'seller unknown on a platform outside the city → triage',
    input: { seller: person(), platform: jd },
    row: 'seller-unknown-outside-platform',
    expected: { triage: /seller's registration is not proven/ },
  },
  {
    name: "own-site sale → seller's district bureau by code, nobody copied",
    input: { seller: seller({ registeredAreaCode: '330106' }) },
    row: 'own-site-city-seller',
    expected: {
      rule: 'seller-address',
      authority: '杭州市西湖区市场监督管理局',
      copiedTo: [],
      transfer: false,
    },
  },
  {
    name: "own-site sale with only a free-text address → parsed to the seller's district",
    input: { seller: person({ registeredAddress: '浙江省杭州市滨江区江南大道100号' }) },
    row: 'own-site-city-seller',
    expected: {
      rule: 'seller-address',
      authority: '杭州市滨江区市场监督管理局',
      copiedTo: [],
      transfer: false,
    },
  },
  {
    name: 'address without the province still resolves when the city is named',
    input: { seller: person({ registeredAddress: '杭州市西湖区文三路1号' }) },
    row: 'own-site-city-seller',
    expected: {
      rule: 'seller-address',
      authority: '杭州市西湖区市场监督管理局',
      copiedTo: [],
      transfer: false,
    },
  },
  {
    name: "credit code's area as evidence when the address names no district",
    input: { seller: seller({ registeredAddress: '某某大厦3楼' }) },
    row: 'own-site-city-seller',
    expected: {
      rule: 'seller-address',
      authority: '杭州市西湖区市场监督管理局',
      copiedTo: [],
      transfer: false,
    },
  },
  {
    name: "credit code's area never the only proof against the address → triage naming both",
    input: { seller: seller({ registeredAddress: '浙江省杭州市滨江区江南大道100号' }) },
    row: 'own-site-city-seller',
    expected: { triage: /滨江区 \(330108\).*西湖区 \(330106\): conflict/ },
  },
  {
    name: 'own-site seller elsewhere in the province → that city, transferred',
    input: { seller: seller({ registeredAreaCode: '330502', unifiedSocialCreditCode: uscc('330502') }) },
    row: 'own-site-province-seller',
    expected: { rule: 'out-of-area', authority: '湖州市市场监督管理局', copiedTo: [], transfer: true },
  },
  {
    name: 'own-site seller outside the province → triage (out of scope)',
    input: { seller: seller({ registeredAreaCode: '110105', unifiedSocialCreditCode: uscc('110105') }) },
    row: 'own-site-outside-seller',
    expected: { triage: /out of scope \(003 §2\)/ },
  },
  {
    name: 'ambiguous district name, no city, no credit code → triage',
    input: { seller: person({ registeredAddress: '西湖区某路88号' }) },
    row: 'own-site-seller-unknown',
    expected: { triage: /西湖区 \(330106\).*西湖区 \(360103\)/ },
  },
  {
    name: 'address naming no district and no credit code → triage',
    input: { seller: person({ registeredAddress: '某某大厦3楼' }) },
    row: 'own-site-seller-unknown',
    expected: { triage: /not resolvable: no district/ },
  },
  {
    name: 'no address and no district → triage',
    input: { seller: person() },
    row: 'own-site-seller-unknown',
    expected: { triage: /no registered address or district/ },
  },
  {
    name: 'a code that is not a county-level area → triage',
    input: { seller: seller({ registeredAreaCode: '330199' }) },
    row: 'own-site-seller-unknown',
    expected: { triage: /330199 is not a county-level GB\/T 2260 code/ },
  },
  {
    name: 'major or urgent → inspection brigade (platform sale keeps 网监办 copied)',
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform(),
      escalation: { to: 'inspection-brigade', reason: '涉及人身安全' },
    },
    row: 'escalated',
    expected: {
      rule: 'major-or-urgent',
      authority: '杭州市市场监督管理局稽查支队',
      copiedTo: [OFFICE],
      transfer: false,
    },
  },
  {
    name: 'assigned by a leader to 网监办 → 网监办, not copied to itself',
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform(),
      escalation: { to: 'online-supervision-office', reason: '领导交办' },
    },
    row: 'escalated',
    expected: { rule: 'major-or-urgent', authority: OFFICE, copiedTo: [], transfer: false },
  },
  {
    name: 'manual triage choice → routed by the district a person chose',
    input: { seller: person({ registeredAddress: '西湖区某路' }), manualAreaCode: '330102' },
    row: 'manual-choice',
    expected: {
      rule: 'seller-address',
      authority: '杭州市上城区市场监督管理局',
      copiedTo: [],
      transfer: false,
    },
  },
];

describe('CaseRouter: the routing policy table (谁抽检，谁交办; territorial jurisdiction)', () => {
  it.each(rows)('$name', ({ input, policy, row, expected }) => {
    const decision = new CaseRouter(areas, directory, { ...DEFAULT_ROUTING_POLICY, ...policy }).route(input);
    expect(decision.row).toBe(row);
    expect(decision.reasons.join('\n')).toContain(`row ${row}:`);
    if ('triage' in expected) {
      expect(decision.kind).toBe('triage');
      if (decision.kind === 'triage') expect(decision.reason).toMatch(expected.triage);
      return;
    }
    expect(decision.kind).toBe('routed');
    if (decision.kind !== 'routed') return;
    expect({
      rule: decision.rule,
      authority: decision.authority.name,
      copiedTo: decision.copiedTo.map((a) => a.name),
      transfer: decision.transfer,
    }).toEqual(expected);
  });

  it('every sale × platform place × seller place has a row, and exactly one', () => {
    const plain = ROUTING_POLICY.filter((r) => !r.when.escalated && !r.when.manual);
    for (const sale of ['platform', 'own-site'] as const)
      for (const platformPlace of sale === 'platform' ? PLACES : (['unknown'] as const))
        for (const sellerPlace of PLACES) {
          const facts = {
            escalated: false,
            manual: false,
            sale,
            platform: platformPlace,
            seller: sellerPlace,
          };
          const fitting = plain.filter(
            ({ when }) =>
              when.sale === sale &&
              (!when.platform || when.platform.includes(platformPlace)) &&
              (!when.seller || when.seller.includes(sellerPlace)),
          );
          expect({ facts, rows: fitting.map((r) => r.id) }).toEqual({
            facts,
            rows: [matchPolicyRow(facts).id],
          });
        }
  });

  it('every row names the rule it implements', () => {
    for (const row of ROUTING_POLICY) expect(row.rule).toMatch(/003|manual/);
    expect(new Set(ROUTING_POLICY.map((r) => r.id)).size).toBe(ROUTING_POLICY.length);
  });

  it('an escalation target missing from the directory → triage', () => {
    const bare = new CaseRouter(areas, new AuthorityDirectory({ homeAreaCode: '330100', authorities: [] }));
    const decision = bare.route({ seller: seller(), escalation: { to: 'inspection-brigade', reason: 'x' } });
    expect(decision).toMatchObject({
      kind: 'triage',
      row: 'escalated',
      reason: 'row escalated: no inspection-brigade configured for 330100',
    });
  });

  it('a home district without a configured bureau → triage', () => {
    const bare = new CaseRouter(areas, new AuthorityDirectory({ homeAreaCode: '330100', authorities: [] }));
    expect(bare.route({ seller: seller({ registeredAreaCode: '330106' }) })).toMatchObject({
      kind: 'triage',
      reason: expect.stringMatching(/no district bureau configured for 330106/),
    });
  });

  it('the provincial bureau missing from the directory → triage, not a guess', () => {
    const noProvince = new CaseRouter(
      areas,
      new AuthorityDirectory({
        ...defaultAuthorityDirectory,
        authorities: defaultAuthorityDirectory.authorities.filter((a) => a.areaCode !== '330000'),
      }),
    );
    const decision = noProvince.route({ seller: seller({ registeredAreaCode: '330502' }), platform: jd });
    expect(decision).toMatchObject({
      kind: 'triage',
      reason: expect.stringMatching(/no provincial bureau configured for 330000/),
    });
  });

  it('refuses a directory with a malformed entry, naming it', () => {
    expect(
      () =>
        new AuthorityDirectory({
          homeAreaCode: '330100',
          authorities: [{ kind: 'district-bureau', areaCode: '33', name: 'x' }],
        }),
    ).toThrow(/authorities\[0\].areaCode "33"/);
  });
});

describe('AreaDirectory.resolveAddress', () => {
  it.each([
    ['浙江省杭州市西湖区示例路1号', '330106'],
    ['北京市朝阳区建国路1号', '110105'],
    ['江西省南昌市西湖区抚河北路', '360103'],
    ['浙江杭州余杭区文一西路969号', '330110'],
  ])('%s → %s', (address, code) => {
    const resolved = areas.resolveAddress(address);
    expect(resolved.ok && resolved.district.code).toBe(code);
  });

  it.each([['朝阳区建国路1号'], ['西湖区'], ['中山路1号']])(
    '%s is not resolved (never a guess)',
    (address) => {
      expect(areas.resolveAddress(address).ok).toBe(false);
    },
  );
});

describe('router configured through the policy rows', () => {
  it('routes with the default policy when none is given', () => {
    expect(router.route({ seller: seller({ registeredAreaCode: '330502' }), platform: jd })).toMatchObject({
      kind: 'routed',
      row: 'province-seller-outside-platform',
      authority: { name: '浙江省市场监督管理局' },
    });
  });
});
