import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import type { AreaDirectory, District } from './area-directory';
import type { AuthorityDirectory } from './authority-directory';
import type { AuthorityEntry } from './authority-entry';
import type { RoutingDecision } from './routing-decision';

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
 * 谁抽检，谁交办 and territorial jurisdiction: a platform sale goes to the bureau of the platform
 * operator's registered district, copied to the online-supervision office; an own-site sale to the
 * seller's registered district; escalations to the brigade or the office; areas outside the
 * sampling city to that city's or province's authority. Anything it cannot prove goes to triage.
 */
export class CaseRouter {
  constructor(
    private readonly areas: AreaDirectory,
    private readonly authorities: AuthorityDirectory,
  ) {}

  /** The sampling bureau's city: its officers handle a batch until it is routed. */
  get homeAreaCode(): string {
    return this.authorities.homeAreaCode;
  }

  route(input: RoutingInput): RoutingDecision {
    const home = this.authorities.homeAreaCode;
    const office = this.authorities.find('online-supervision-office', home);
    if (input.escalation) {
      const target = this.authorities.find(input.escalation.to, home);
      if (!target) return triage(`no ${input.escalation.to} configured for ${home}`);
      const copies = input.platform && office && target !== office ? [office] : [];
      return {
        kind: 'routed',
        rule: 'major-or-urgent',
        authority: target,
        copiedTo: copies,
        explanation: `escalated: ${input.escalation.reason}`,
      };
    }

    const located = this.locate(input);
    if ('reason' in located) return triage(located.reason);
    const { district, whose } = located;
    const copies: AuthorityEntry[] = [];
    if (input.platform) {
      if (!office)
        return triage(`platform sale: no online-supervision office configured for ${home} to copy`);
      copies.push(office);
    }

    if (district.cityCode === home) {
      const bureau = this.authorities.find('district-bureau', district.code);
      if (!bureau) return triage(`no district bureau configured for ${district.code} (${district.name})`);
      return {
        kind: 'routed',
        rule: input.platform ? 'platform-operator-address' : 'seller-address',
        authority: bureau,
        copiedTo: copies,
        subjectAreaCode: district.code,
        explanation: `${whose} registered in ${district.cityName}${district.name} (${district.code})`,
      };
    }

    const handover =
      this.authorities.find('out-of-area-authority', district.cityCode) ??
      this.authorities.find('out-of-area-authority', district.provinceCode);
    if (!handover) {
      return triage(
        `${whose} registered outside ${home} in ${district.code}: no authority configured for its city or province`,
      );
    }
    return {
      kind: 'routed',
      rule: 'out-of-area',
      authority: handover,
      copiedTo: copies,
      subjectAreaCode: district.code,
      explanation: `${whose} registered in ${district.provinceName}${district.cityName}${district.name} (${district.code}), outside ${home}`,
    };
  }

  private locate(input: RoutingInput): { district: District; whose: string } | { reason: string } {
    const whose = input.platform
      ? `platform operator ${input.platform.operatorName}`
      : `seller ${input.seller.name}`;
    const code =
      input.manualAreaCode ??
      (input.platform ? input.platform.operatorRegisteredAreaCode : input.seller.registeredAreaCode);
    if (code !== undefined) {
      const district = this.areas.district(code);
      if (!district) return { reason: `${whose}: ${code} is not a county-level GB/T 2260 code` };
      return { district, whose };
    }
    if (input.platform) return { reason: `${whose}: registered district unknown` };
    if (!input.seller.registeredAddress) return { reason: `${whose}: no registered address or district` };
    const resolved = this.areas.resolveAddress(input.seller.registeredAddress);
    if (!resolved.ok) return { reason: `${whose}: address not resolvable: ${resolved.reason}` };
    return { district: resolved.district, whose };
  }
}

const triage = (reason: string): RoutingDecision => ({ kind: 'triage', reason });
