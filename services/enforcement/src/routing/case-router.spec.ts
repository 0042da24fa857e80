import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import { AreaDirectory } from './area-directory';
import { AuthorityDirectory } from './authority-directory';
import { CaseRouter, type RoutingInput } from './case-router';
import { defaultAuthorityDirectory } from './default-authority-directory';

const areas = AreaDirectory.fromChinaDivision();
const router = new CaseRouter(areas, new AuthorityDirectory(defaultAuthorityDirectory));

const seller = (over: Partial<SellerFacts> = {}): SellerFacts => ({
  name: '杭州示例家纺有限公司',
  entityType: 'enterprise',
  unifiedSocialCreditCode: '91330106MA2CF0B1XU',
  shopName: '示例家纺旗舰店',
  shopUrl: 'https://shop.example.com',
  ...over,
});
const platform = (over: Partial<PlatformFacts> = {}): PlatformFacts => ({
  code: 'taobao',
  name: '淘宝',
  url: 'https://www.taobao.com',
  operatorName: '浙江淘宝网络有限公司',
  operatorRegisteredAreaCode: '330110',
  ...over,
});

interface Row {
  name: string;
  input: RoutingInput;
  expected: { rule: string; authority: string; copiedTo: string[] } | { triage: RegExp };
}

const rows: Row[] = [
  {
    name: "platform sale → platform operator's district bureau, copied to 网监办",
    input: { seller: seller({ registeredAreaCode: '330106' }), platform: platform() },
    expected: {
      rule: 'platform-operator-address',
      authority: '杭州市余杭区市场监督管理局',
      copiedTo: ['杭州市市场监督管理局网监办'],
    },
  },
  {
    name: "own-site sale → seller's district bureau by code, nobody copied",
    input: { seller: seller({ registeredAreaCode: '330106' }) },
    expected: { rule: 'seller-address', authority: '杭州市西湖区市场监督管理局', copiedTo: [] },
  },
  {
    name: "own-site sale with only a free-text address → parsed to the seller's district",
    input: { seller: seller({ registeredAddress: '浙江省杭州市滨江区江南大道100号' }) },
    expected: { rule: 'seller-address', authority: '杭州市滨江区市场监督管理局', copiedTo: [] },
  },
  {
    name: 'address without the province still resolves when the city is named',
    input: { seller: seller({ registeredAddress: '杭州市西湖区文三路1号' }) },
    expected: { rule: 'seller-address', authority: '杭州市西湖区市场监督管理局', copiedTo: [] },
  },
  {
    name: 'major or urgent → inspection brigade (platform sale keeps 网监办 copied)',
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform(),
      escalation: { to: 'inspection-brigade', reason: '涉及人身安全' },
    },
    expected: {
      rule: 'major-or-urgent',
      authority: '杭州市市场监督管理局稽查支队',
      copiedTo: ['杭州市市场监督管理局网监办'],
    },
  },
  {
    name: 'assigned by a leader to 网监办 → 网监办, not copied to itself',
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform(),
      escalation: { to: 'online-supervision-office', reason: '领导交办' },
    },
    expected: { rule: 'major-or-urgent', authority: '杭州市市场监督管理局网监办', copiedTo: [] },
  },
  {
    name: 'own-site seller elsewhere in the province → that city',
    input: { seller: seller({ registeredAreaCode: '330502' }) },
    expected: { rule: 'out-of-area', authority: '湖州市市场监督管理局', copiedTo: [] },
  },
  {
    name: 'platform operator in another province → that province, 网监办 copied',
    input: { seller: seller(), platform: platform({ code: 'jd', operatorRegisteredAreaCode: '110115' }) },
    expected: {
      rule: 'out-of-area',
      authority: '北京市市场监督管理局',
      copiedTo: ['杭州市市场监督管理局网监办'],
    },
  },
  {
    name: 'manual triage choice → routed by the district a person chose',
    input: { seller: seller({ registeredAddress: '西湖区某路' }), manualAreaCode: '330102' },
    expected: { rule: 'seller-address', authority: '杭州市上城区市场监督管理局', copiedTo: [] },
  },
  {
    name: 'ambiguous district name without a city → triage',
    input: { seller: seller({ registeredAddress: '西湖区某路88号' }) },
    expected: { triage: /西湖区 \(330106\).*西湖区 \(360103\)/ },
  },
  {
    name: 'address naming no district → triage',
    input: { seller: seller({ registeredAddress: '某某大厦3楼' }) },
    expected: { triage: /address not resolvable: no district/ },
  },
  {
    name: 'no address and no district → triage',
    input: { seller: seller({ entityType: 'natural-person', unifiedSocialCreditCode: undefined }) },
    expected: { triage: /no registered address or district/ },
  },
  {
    name: "platform sale with the operator's district unknown → triage, not the seller's district",
    input: {
      seller: seller({ registeredAreaCode: '330106' }),
      platform: platform({ operatorRegisteredAreaCode: undefined }),
    },
    expected: { triage: /platform operator 浙江淘宝网络有限公司: registered district unknown/ },
  },
  {
    name: 'a code that is not a county-level area → triage',
    input: { seller: seller({ registeredAreaCode: '330199' }) },
    expected: { triage: /330199 is not a county-level GB\/T 2260 code/ },
  },
];

describe('CaseRouter (谁抽检，谁交办; territorial jurisdiction)', () => {
  it.each(rows)('$name', ({ input, expected }) => {
    const decision = router.route(input);
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
    }).toEqual(expected);
  });

  it('an escalation target missing from the directory → triage', () => {
    const bare = new CaseRouter(areas, new AuthorityDirectory({ homeAreaCode: '330100', authorities: [] }));
    const decision = bare.route({ seller: seller(), escalation: { to: 'inspection-brigade', reason: 'x' } });
    expect(decision).toEqual({ kind: 'triage', reason: 'no inspection-brigade configured for 330100' });
  });

  it('a home district without a configured bureau → triage', () => {
    const bare = new CaseRouter(areas, new AuthorityDirectory({ homeAreaCode: '330100', authorities: [] }));
    expect(bare.route({ seller: seller({ registeredAreaCode: '330106' }) })).toMatchObject({
      kind: 'triage',
      reason: expect.stringMatching(/no district bureau configured for 330106/),
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
