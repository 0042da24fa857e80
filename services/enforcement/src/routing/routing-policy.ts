/** Where a seller or platform operator is registered, seen from the sampling city. */
export const PLACES = ['city', 'province', 'outside', 'unknown'] as const;
export type Place = (typeof PLACES)[number];

/** What 003 §2(3) leaves to the provincial bureau ("依照浙江省工商局的要求交办"). */
export const PROVINCE_SELLER_OUTSIDE_PLATFORM_ROUTES = [
  'provincial-bureau',
  'seller-city-authority',
  'platform-authority',
] as const;
export type ProvinceSellerOutsidePlatformRoute = (typeof PROVINCE_SELLER_OUTSIDE_PLATFORM_ROUTES)[number];

/**
 * A city seller on a platform registered outside the city: 003 §7 read literally sends a platform
 * sale to the platform operator's place (`platform-authority`, the default); the bureau may keep
 * its own sellers (`seller-district`, the seller's domicile, as 《网络交易监督管理办法》 does).
 */
export const CITY_SELLER_OUTSIDE_PLATFORM_ROUTES = ['seller-district', 'platform-authority'] as const;
export type CitySellerOutsidePlatformRoute = (typeof CITY_SELLER_OUTSIDE_PLATFORM_ROUTES)[number];

/** The bureau's choices where the rules leave one (EnforcementConfig `ROUTING_*`). */
export interface RoutingPolicyConfig {
  provinceSellerOutsidePlatform: ProvinceSellerOutsidePlatformRoute;
  citySellerOutsidePlatform: CitySellerOutsidePlatformRoute;
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicyConfig = {
  provinceSellerOutsidePlatform: 'provincial-bureau',
  citySellerOutsidePlatform: 'platform-authority',
};

/** Where a row sends the case. */
export type RoutingAction =
  | 'escalation'
  | 'manual-area'
  | 'platform-district'
  | 'seller-district'
  | 'seller-city-authority'
  | 'platform-authority'
  | 'provincial-bureau'
  | 'triage';

export interface PolicyRow {
  /** Recorded on the case: which row applied. */
  id: string;
  /** The rule of seed 003 (or the bureau's configured choice) the row implements. */
  rule: string;
  when: {
    escalated?: true;
    manual?: true;
    sale?: 'platform' | 'own-site';
    platform?: readonly Place[];
    seller?: readonly Place[];
  };
  action: RoutingAction | ((policy: RoutingPolicyConfig) => RoutingAction);
  /** Why a triage row cannot route (shown to the person who must decide). */
  triage?: string;
}

const OUTSIDE_CITY: readonly Place[] = ['province', 'outside'];

/**
 * Every routing branch of seed 003 §7 (交属地有权部门查处; issue 16 calls it section 8) and the scope
 * of §2, as one table: the first row whose conditions hold decides. Rows cover every combination of
 * sale (platform / own site) × platform operator's place × seller's place (a unit test checks it);
 * a row whose facts are not proven sends the batch to triage instead of guessing.
 */
export const ROUTING_POLICY: readonly PolicyRow[] = [
  {
    id: 'escalated',
    rule: '003 §7: 属于本市辖区内重大紧急情况的或领导交办的，可以交稽查支队或网监办处理',
    when: { escalated: true },
    action: 'escalation',
  },
  {
    id: 'manual-choice',
    rule: 'manual triage: a person proved the district the rule routes by',
    when: { manual: true },
    action: 'manual-area',
  },
  {
    id: 'city-platform',
    rule: '003 §7 (scope §2(2)): 通过第三方交易平台从事经营活动的，交平台经营者住所所在地的区、县（市）局处理，并抄送网监办',
    when: { sale: 'platform', platform: ['city'] },
    action: 'platform-district',
  },
  {
    id: 'platform-unknown',
    rule: '003 §7: whether the platform operator is registered in the city decides the rule',
    when: { sale: 'platform', platform: ['unknown'] },
    action: 'triage',
    triage: "the platform operator's registration is not proven",
  },
  {
    id: 'city-seller-outside-platform',
    rule: '003 §2(1) with §7: 本市登记的经营者通过非本市平台经营，交第三方交易平台经营者住所所在地处理 — ROUTING_CITY_SELLER_OUTSIDE_PLATFORM (default platform-authority; or seller-district)',
    when: { sale: 'platform', platform: OUTSIDE_CITY, seller: ['city'] },
    action: (p) => p.citySellerOutsidePlatform,
  },
  {
    id: 'province-seller-outside-platform',
    rule: '003 §2(3) with §7: 省内经营者通过非本市平台经营，依照浙江省工商局的要求交办 — ROUTING_PROVINCE_SELLER_OUTSIDE_PLATFORM (default provincial-bureau)',
    when: { sale: 'platform', platform: OUTSIDE_CITY, seller: ['province'] },
    action: (p) => p.provinceSellerOutsidePlatform,
  },
  {
    id: 'outside-seller-outside-platform',
    rule: '003 §2: 省外经营者通过非本市平台经营 is outside the bureau’s scope (unless delegated, §2(4))',
    when: { sale: 'platform', platform: OUTSIDE_CITY, seller: ['outside'] },
    action: 'triage',
    triage:
      'out of scope (003 §2): the seller is registered outside the province and the platform outside the city; a person decides (delegated task §2(4), or hand over)',
  },
  {
    id: 'seller-unknown-outside-platform',
    rule: '003 §2: on a platform outside the city, the seller’s registration decides the rule',
    when: { sale: 'platform', platform: OUTSIDE_CITY, seller: ['unknown'] },
    action: 'triage',
    triage: "the platform is registered outside the city and the seller's registration is not proven",
  },
  {
    id: 'own-site-city-seller',
    rule: '003 §7 (scope §2(1)): 交网络商品经营者住所所在地的区、县（市）局处理',
    when: { sale: 'own-site', seller: ['city'] },
    action: 'seller-district',
  },
  {
    id: 'own-site-province-seller',
    rule: '003 §7 属地管辖: a seller elsewhere in the province is handed to its city’s authority',
    when: { sale: 'own-site', seller: ['province'] },
    action: 'seller-city-authority',
  },
  {
    id: 'own-site-outside-seller',
    rule: '003 §2: a seller outside the province selling on its own site is outside the bureau’s scope',
    when: { sale: 'own-site', seller: ['outside'] },
    action: 'triage',
    triage: 'out of scope (003 §2): the seller is registered outside the province; a person decides',
  },
  {
    id: 'own-site-seller-unknown',
    rule: '003 §7: an own-site sale goes by the seller’s registered address',
    when: { sale: 'own-site', seller: ['unknown'] },
    action: 'triage',
    triage: "the seller's registration is not proven",
  },
];

export interface PolicyFacts {
  escalated: boolean;
  manual: boolean;
  sale: 'platform' | 'own-site';
  platform: Place;
  seller: Place;
}

/** The first row whose conditions hold. */
export function matchPolicyRow(facts: PolicyFacts, rows: readonly PolicyRow[] = ROUTING_POLICY): PolicyRow {
  const row = rows.find(({ when }) => {
    if (when.escalated && !facts.escalated) return false;
    if (when.manual && !facts.manual) return false;
    if (when.sale && when.sale !== facts.sale) return false;
    if (when.platform && !when.platform.includes(facts.platform)) return false;
    if (when.seller && !when.seller.includes(facts.seller)) return false;
    return true;
  });
  if (!row) throw new Error(`routing policy has no row for ${JSON.stringify(facts)}`);
  return row;
}
