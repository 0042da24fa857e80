import type { AuthorityKind, PlatformFacts, SellerFacts } from '@qis/contracts';
import type { AreaDirectory } from './area-directory';
import { AreaLocator, type Location } from './area-locator';
import type { AuthorityDirectory } from './authority-directory';
import type { AuthorityEntry } from './authority-entry';
import type { RoutingDecision } from './routing-decision';
import {
  DEFAULT_ROUTING_POLICY,
  matchPolicyRow,
  ROUTING_POLICY,
  type Place,
  type PolicyRow,
  type RoutingAction,
  type RoutingPolicyConfig,
} from './routing-policy';

export interface RoutingInput {
  seller: SellerFacts;
  /** Absent for a sale on the seller's own site. */
  platform?: PlatformFacts;
  /** Major or urgent, or assigned by a leader (重大紧急 / 领导交办). */
  escalation?: { to: 'inspection-brigade' | 'online-supervision-office'; reason: string };
  /** A district a person chose in manual triage. */
  manualAreaCode?: string;
}

/**
 * 谁抽检，谁交办 and territorial jurisdiction, as the table `ROUTING_POLICY`: the router locates
 * the seller and the platform operator (area codes as they were, addresses, credit codes), places
 * each in the city, the province or outside, takes the first row that fits and carries out its
 * action. The decision names the row and the reasons; anything it cannot prove goes to triage.
 */
export class CaseRouter {
  private readonly locator: AreaLocator;
  /** The sampling bureau, as it signs transfer letters. */
  readonly issuerName: string;

  constructor(
    areas: AreaDirectory,
    private readonly authorities: AuthorityDirectory,
    private readonly policy: RoutingPolicyConfig = DEFAULT_ROUTING_POLICY,
    private readonly rows: readonly PolicyRow[] = ROUTING_POLICY,
  ) {
    this.locator = new AreaLocator(areas);
    this.issuerName =
      authorities.data.issuerName ??
      `${areas.anyDistrictOfCity(authorities.homeAreaCode)?.cityName ?? authorities.homeAreaCode}市场监督管理局`;
  }

  /** The sampling bureau's city: its officers handle a batch until it is routed. */
  get homeAreaCode(): string {
    return this.authorities.homeAreaCode;
  }

  private get homeProvinceCode(): string {
    return `${this.homeAreaCode.slice(0, 2)}0000`;
  }

  route(input: RoutingInput): RoutingDecision {
    const seller = this.locator.seller(input.seller);
    const platform = input.platform ? this.locator.platformOperator(input.platform) : undefined;
    const facts = {
      escalated: input.escalation !== undefined,
      manual: input.manualAreaCode !== undefined,
      sale: input.platform ? ('platform' as const) : ('own-site' as const),
      platform: platform ? this.place(platform) : ('unknown' as const),
      seller: this.place(seller),
    };
    const row = matchPolicyRow(facts, this.rows);
    const action: RoutingAction = typeof row.action === 'function' ? row.action(this.policy) : row.action;
    const reasons = [
      `${facts.sale === 'platform' ? `platform sale (${input.platform?.name ?? ''})` : 'own-site sale'}; seller: ${facts.seller}${
        platform ? `; platform operator: ${facts.platform}` : ''
      } (of ${this.homeAreaCode})`,
      ...(platform?.reasons ?? []),
      ...seller.reasons,
      `row ${row.id}: ${row.rule}${typeof row.action === 'function' ? ` → configured ${action}` : ''}`,
    ];
    const ctx: Ctx = { row, reasons, input, seller, ...(platform ? { platform } : {}) };
    return this.act(action, ctx);
  }

  /** City, province or outside, from what the location proves. */
  private place(location: Location): Place {
    if (!location.provinceCode) return 'unknown';
    if (location.cityCode === this.homeAreaCode || location.district?.cityCode === this.homeAreaCode)
      return 'city';
    // A province-level code alone does not tell this city from the rest of the province.
    if (location.provinceCode === this.homeProvinceCode) return location.cityCode ? 'province' : 'unknown';
    return 'outside';
  }

  private act(action: RoutingAction, ctx: Ctx): RoutingDecision {
    const { input, row } = ctx;
    const home = this.homeAreaCode;
    const office = this.authorities.find('online-supervision-office', home);
    switch (action) {
      case 'triage':
        return triage(ctx, row.triage ?? `row ${row.id}`);
      case 'escalation': {
        const to = (input.escalation as NonNullable<RoutingInput['escalation']>).to;
        const target = this.authorities.find(to, home);
        if (!target) return triage(ctx, `no ${to} configured for ${home}`);
        ctx.reasons.push(`escalated: ${input.escalation?.reason ?? ''}`);
        const copies = input.platform && office && target !== office ? [office] : [];
        return this.routed(ctx, 'major-or-urgent', target, copies, false);
      }
      case 'manual-area': {
        const code = input.manualAreaCode as string;
        const chosen = this.locator.fromCode(code, { asIssued: false, source: 'chosen in manual triage:' });
        if (!chosen.district) return triage(ctx, chosen.unresolved ?? `${code} is not a district`);
        ctx.reasons.push(...chosen.reasons);
        return this.toDistrictOrAuthority(ctx, chosen, input.platform ? 'platform' : 'seller');
      }
      case 'platform-district':
        return this.toDistrictOrAuthority(ctx, ctx.platform as Location, 'platform');
      case 'seller-district':
        return this.toDistrictOrAuthority(ctx, ctx.seller, 'seller');
      case 'seller-city-authority':
        return this.transfer(ctx, ctx.seller, 'seller');
      case 'platform-authority':
        return this.transfer(ctx, ctx.platform as Location, 'platform');
      case 'provincial-bureau': {
        const bureau = this.authorities.find('out-of-area-authority', this.homeProvinceCode);
        if (!bureau) return triage(ctx, `no provincial bureau configured for ${this.homeProvinceCode}`);
        return this.routed(ctx, 'out-of-area', bureau, this.copies(ctx), true, ctx.seller.district?.code);
      }
    }
  }

  /** A district of the city gets its district bureau; elsewhere the city's or province's authority. */
  private toDistrictOrAuthority(ctx: Ctx, where: Location, whose: 'seller' | 'platform'): RoutingDecision {
    const district = where.district;
    if (!district) return triage(ctx, where.unresolved ?? `the ${whose}'s district is not proven`);
    if (district.cityCode !== this.homeAreaCode) return this.transfer(ctx, where, whose);
    const bureau = this.authorities.find('district-bureau', district.code);
    if (!bureau) return triage(ctx, `no district bureau configured for ${district.code} (${district.name})`);
    if (ctx.input.platform && !this.authorities.find('online-supervision-office', this.homeAreaCode))
      return triage(
        ctx,
        `platform sale: no online-supervision office configured for ${this.homeAreaCode} to copy`,
      );
    const rule = whose === 'platform' ? 'platform-operator-address' : 'seller-address';
    return this.routed(ctx, rule, bureau, this.copies(ctx), false, district.code);
  }

  /** Handed over outside the city: the authority of the city, else of the province, where it lies. */
  private transfer(ctx: Ctx, where: Location, whose: 'seller' | 'platform'): RoutingDecision {
    const city = where.district?.cityCode ?? where.cityCode;
    const province = where.district?.provinceCode ?? where.provinceCode;
    const found =
      (city ? this.find('out-of-area-authority', city) : undefined) ??
      (province ? this.find('out-of-area-authority', province) : undefined);
    if (!found)
      return triage(
        ctx,
        `the ${whose} is registered outside ${this.homeAreaCode} (${city ?? province ?? 'unknown'}): no authority configured for its city or province`,
      );
    return this.routed(ctx, 'out-of-area', found, this.copies(ctx), true, where.district?.code);
  }

  private find(kind: AuthorityKind, code: string): AuthorityEntry | undefined {
    return this.authorities.find(kind, code);
  }

  /** A platform sale is copied to the online-supervision office (003 §7 抄送网监办). */
  private copies(ctx: Ctx): AuthorityEntry[] {
    const office = this.authorities.find('online-supervision-office', this.homeAreaCode);
    return ctx.input.platform && office ? [office] : [];
  }

  private routed(
    ctx: Ctx,
    rule: Extract<RoutingDecision, { kind: 'routed' }>['rule'],
    authority: AuthorityEntry,
    copiedTo: AuthorityEntry[],
    transfer: boolean,
    subjectAreaCode?: string,
  ): RoutingDecision {
    ctx.reasons.push(
      `→ ${authority.name}${copiedTo.length ? `, copied to ${copiedTo.map((a) => a.name).join('、')}` : ''}`,
    );
    return {
      kind: 'routed',
      rule,
      authority,
      copiedTo,
      ...(subjectAreaCode ? { subjectAreaCode } : {}),
      transfer,
      row: ctx.row.id,
      reasons: ctx.reasons,
      explanation: `row ${ctx.row.id}: ${ctx.reasons.slice(1, -1).join('; ')}`,
    };
  }
}

interface Ctx {
  row: PolicyRow;
  reasons: string[];
  input: RoutingInput;
  seller: Location;
  platform?: Location;
}

const triage = (ctx: Ctx, why: string): RoutingDecision => {
  const located = [ctx.platform?.unresolved, ctx.seller.unresolved].filter((u): u is string => !!u);
  const details = located.filter((u) => !why.includes(u));
  return {
    kind: 'triage',
    row: ctx.row.id,
    reasons: [...ctx.reasons, why],
    reason: `row ${ctx.row.id}: ${why}${details.length ? ` (${details.join('; ')})` : ''}`,
  };
};
