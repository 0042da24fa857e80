import type { PlatformFacts, SellerFacts } from '@qis/contracts';
import { AREA_CODE_HISTORY, type AreaCodeChange } from './area-code-history';
import type { AreaDirectory, District } from './area-directory';

/**
 * Where a seller or platform operator is registered, as far as the facts prove it: today's
 * district, or only the city or province, with the reasons; `unresolved` says why the district is
 * not proven (naming every candidate), never a guess.
 */
export interface Location {
  district?: District;
  cityCode?: string;
  provinceCode?: string;
  reasons: string[];
  unresolved?: string;
}

/** Characters 3–8 of a unified social credit code: the registering authority's GB/T 2260 area. */
export const usccAreaCode = (code: string | undefined): string | undefined =>
  code && /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}/.test(code) ? code.slice(2, 8) : undefined;

const label = (d: District): string => `${d.cityName}${d.name} (${d.code})`;

/**
 * Unified social credit codes exist since GB 32100-2015 took effect (1 October 2015): one carries
 * the area code of its issue, so a code redrawn before then means its smaller area of today.
 */
export const CREDIT_CODES_SINCE = '2015-10';

/**
 * The history with each successor as it is today: a successor merged whole into a district that was
 * itself redrawn later (萧山市 → 萧山区 in 2001, part of which went to 钱塘区 in 2021) is replaced by
 * that later change's successors. A successor that took named streets or towns is kept as it is.
 */
function todaysHistory(history: readonly AreaCodeChange[]): Map<string, AreaCodeChange> {
  const byCode = new Map(history.map((c) => [c.code, c]));
  const today = (change: AreaCodeChange): AreaCodeChange['successors'] =>
    change.successors.flatMap((s) => {
      const later = byCode.get(s.code);
      const redrawnLater =
        later !== undefined &&
        s.code !== change.code &&
        s.parts === undefined &&
        later.status === 'redrawn' &&
        later.effective > change.effective;
      return redrawnLater ? today(later) : [s];
    });
  return new Map(history.map((c) => [c.code, { ...c, successors: today(c) }]));
}
const located = (district: District, reasons: string[]): Location => ({
  district,
  cityCode: district.cityCode,
  provinceCode: district.provinceCode,
  reasons,
});

/**
 * Resolves area codes and addresses to today's districts: current GB/T 2260 codes from the area
 * directory, retired or redrawn ones through {@link AREA_CODE_HISTORY} (a district merged whole →
 * its successor; split → the address decides, else both are named), and the credit code's area
 * as evidence only: it never outweighs an address that names another district.
 */
export class AreaLocator {
  private readonly history: Map<string, AreaCodeChange>;

  constructor(
    private readonly areas: AreaDirectory,
    history: readonly AreaCodeChange[] = AREA_CODE_HISTORY,
  ) {
    this.history = todaysHistory(history);
  }

  /** The recorded change of a GB/T 2260 code, its successors as they are today. */
  change(code: string): AreaCodeChange | undefined {
    return this.history.get(code);
  }

  /**
   * A code as recorded (`asIssued: false`: a district recorded today) or as issued in a credit code
   * (`asIssued: true`: a code redrawn since credit codes exist may mean the part that left it).
   */
  fromCode(code: string, options: { asIssued: boolean; address?: string; source: string }): Location {
    const { source } = options;
    const change = this.history.get(code);
    const district = this.areas.district(code);
    // A redrawn code read as issued may mean the part that left it: the address decides.
    const redrawnSinceIssue =
      change?.status === 'redrawn' && options.asIssued && change.effective >= CREDIT_CODES_SINCE;
    if (change && (change.status === 'retired' || redrawnSinceIssue)) {
      return this.successor(change, options.address, source);
    }
    if (district) return located(district, [`${source} ${code}: ${label(district)}`]);
    const inCity = this.areas.anyDistrictOfCity(code);
    if (inCity) {
      return {
        cityCode: code,
        provinceCode: inCity.provinceCode,
        reasons: [`${source} ${code}: registered with ${inCity.cityName}'s city-level authority`],
        unresolved: `${source} ${code} is a city-level code (${inCity.cityName}): it does not show the district`,
      };
    }
    const inProvince = this.areas.anyDistrictOfProvince(code);
    if (inProvince) {
      return {
        provinceCode: code,
        reasons: [`${source} ${code}: registered with ${inProvince.provinceName}'s provincial authority`],
        unresolved: `${source} ${code} is a province-level code (${inProvince.provinceName}): it does not show the district`,
      };
    }
    return { reasons: [], unresolved: `${source} ${code} is not a county-level GB/T 2260 code` };
  }

  /** A free-text address, with district names retired or redrawn since it was written. */
  fromAddress(address: string, source: string): Location {
    const text = address.replace(/\s+/g, '');
    const resolved = this.areas.resolveAddress(address);
    if (resolved.ok) {
      const change = this.history.get(resolved.district.code);
      if (change?.status === 'redrawn') {
        const moved = this.namedSuccessor(change, text);
        if (moved && moved.code !== resolved.district.code) {
          const district = this.areas.district(moved.code);
          if (district)
            return located(district, [
              `${source} "${address}" names ${this.partNamed(moved, text) ?? moved.name}, in ${label(district)} since ${change.effective} (${change.name} ${change.code} was redrawn)`,
            ]);
        }
      }
      return located(resolved.district, [`${source} "${address}" lies in ${label(resolved.district)}`]);
    }
    // A name that is still in use (县级丽水市 is today's 地级丽水市; 龙泉市 was renumbered) names today's area.
    const retired = [...this.history.values()].filter(
      (c) =>
        (c.status === 'retired' || c.status === 'renamed') &&
        c.name !== c.cityName &&
        !c.successors.some((s) => s.name === c.name) &&
        text.includes(c.name) &&
        !this.areas.namesOtherCity(text, c.cityName),
    );
    if (retired.length === 1)
      return this.successor(retired[0] as AreaCodeChange, address, `${source} "${address}" names`);
    return { reasons: [], unresolved: `${source} not resolvable: ${resolved.reason}` };
  }

  /**
   * The seller's registration: the recorded district first; else the address, with the credit
   * code's area as corroboration (a conflict goes to a person, both named); else the credit code's
   * area alone, read as of its issue.
   */
  seller(seller: SellerFacts): Location {
    const who = `seller ${seller.name}`;
    if (seller.registeredAreaCode) {
      return this.fromCode(seller.registeredAreaCode, {
        asIssued: false,
        ...(seller.registeredAddress ? { address: seller.registeredAddress } : {}),
        source: `${who}: recorded district`,
      });
    }
    const usccCode = usccAreaCode(seller.unifiedSocialCreditCode);
    const byAddress = seller.registeredAddress
      ? this.fromAddress(seller.registeredAddress, `${who}: registered address`)
      : undefined;
    const byUscc = usccCode
      ? this.fromCode(usccCode, {
          asIssued: true,
          ...(seller.registeredAddress ? { address: seller.registeredAddress } : {}),
          source: `${who}: credit code ${seller.unifiedSocialCreditCode} issued in area`,
        })
      : undefined;
    if (byAddress?.district) {
      if (!byUscc || !usccCode) return byAddress;
      if (this.consistent(usccCode, byUscc, byAddress.district))
        return { ...byAddress, reasons: [...byAddress.reasons, `${byUscc.reasons.join('; ')} (consistent)`] };
      const claimed = byUscc.district ? label(byUscc.district) : (byUscc.unresolved ?? `area ${usccCode}`);
      return {
        ...(byUscc.provinceCode === byAddress.district.provinceCode
          ? { provinceCode: byAddress.district.provinceCode }
          : {}),
        ...(byUscc.cityCode === byAddress.district.cityCode ? { cityCode: byAddress.district.cityCode } : {}),
        reasons: [...byAddress.reasons, ...byUscc.reasons],
        unresolved: `${who}: the registered address lies in ${label(byAddress.district)} but the credit code ${seller.unifiedSocialCreditCode} was issued in ${claimed}: conflict, a person must check the licence`,
      };
    }
    if (byUscc && (byUscc.district || byUscc.cityCode || byUscc.provinceCode)) {
      return byAddress?.unresolved
        ? { ...byUscc, reasons: [...byUscc.reasons, byAddress.unresolved] }
        : byUscc;
    }
    if (byAddress) return byAddress;
    if (byUscc) return byUscc;
    return { reasons: [], unresolved: `${who}: no registered address or district` };
  }

  /** The platform operator's registration: its recorded district, else its credit code's area. */
  platformOperator(platform: PlatformFacts): Location {
    const who = `platform operator ${platform.operatorName}`;
    if (platform.operatorRegisteredAreaCode)
      return this.fromCode(platform.operatorRegisteredAreaCode, {
        asIssued: false,
        source: `${who}: recorded district`,
      });
    const code = usccAreaCode(platform.operatorUnifiedSocialCreditCode);
    if (code)
      return this.fromCode(code, {
        asIssued: true,
        source: `${who}: credit code ${platform.operatorUnifiedSocialCreditCode} issued in area`,
      });
    return { reasons: [], unresolved: `${who}: registered district unknown` };
  }

  /** Whether the credit code's area (as issued) may be the district the address shows. */
  private consistent(code: string, byUscc: Location, district: District): boolean {
    if (byUscc.district?.code === district.code) return true;
    const change = this.history.get(code);
    if (change?.successors.some((s) => s.code === district.code)) return true;
    if (!byUscc.district && byUscc.cityCode) return byUscc.cityCode === district.cityCode;
    if (!byUscc.district && byUscc.provinceCode) return byUscc.provinceCode === district.provinceCode;
    return false;
  }

  private successor(change: AreaCodeChange, address: string | undefined, source: string): Location {
    const what = `${source} ${change.code} ${change.name}`;
    const districts = change.successors
      .map((s) => this.areas.district(s.code))
      .filter((d): d is District => d !== undefined);
    if (change.successors.length === 1 && districts.length === 1) {
      const d = districts[0] as District;
      const how = change.status === 'renamed' ? 'is today' : 'went whole to';
      return located(d, [
        `${what} (${change.status} ${change.effective}) ${how} ${label(d)} (${change.basis})`,
      ]);
    }
    const both = districts.map(label).join(' and ');
    const text = address?.replace(/\s+/g, '');
    const named = text ? this.namedSuccessor(change, text) : undefined;
    const chosen = named ? this.areas.district(named.code) : undefined;
    if (named && chosen) {
      return located(chosen, [
        `${what} was split in ${change.effective} between ${both}; the address names ${this.partNamed(named, text as string) ?? named.name}: ${label(chosen)}`,
      ]);
    }
    const first = districts[0];
    const sameCity = first && districts.every((d) => d.cityCode === first.cityCode);
    return {
      ...(sameCity ? { cityCode: first.cityCode, provinceCode: first.provinceCode } : {}),
      reasons: [`${what} was split in ${change.effective} between ${both}`],
      unresolved: `${what} was split in ${change.effective} between ${both}; ${
        address ? `the address "${address}" does not say which` : 'no address to say which'
      }`,
    };
  }

  /** The one successor the address points to by a street/town it took, or by a new district name. */
  private namedSuccessor(
    change: AreaCodeChange,
    text: string,
  ): AreaCodeChange['successors'][number] | undefined {
    const byPart = change.successors.filter((s) => this.partNamed(s, text) !== undefined);
    if (byPart.length === 1) return byPart[0];
    if (byPart.length > 1) return undefined;
    const byName = change.successors.filter((s) => s.name !== change.name && text.includes(s.name));
    return byName.length === 1 ? byName[0] : undefined;
  }

  private partNamed(successor: AreaCodeChange['successors'][number], text: string): string | undefined {
    // Full names only: `余杭街道` shortened to `余杭` would match every `余杭区` address.
    return successor.parts?.find((p) => text.includes(p));
  }
}
