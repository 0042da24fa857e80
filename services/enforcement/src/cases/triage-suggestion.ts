import { Injectable } from '@nestjs/common';
import type { BatchFile } from '../batches/batch-file.entity';
import { AreaDirectory, type District } from '../routing/area-directory';

/** A district the officer may confirm for a triage item, and the evidence it rests on. */
export interface TriageSuggestion {
  areaCode: string;
  areaName: string;
  reason: string;
}

/** Characters 3–8 of a unified social credit code: the registering authority's GB/T 2260 area. */
const usccArea = (code: string | undefined): string | undefined =>
  code && /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}/.test(code) ? code.slice(2, 8) : undefined;

/**
 * The resolver's best lead for a batch routing could not place: the district a person should
 * check first, never applied by itself. A platform sale goes by the operator's registered
 * address (its recorded district, else the area code in its credit code); an own-site sale by the
 * seller's (recorded district, resolvable address, else the credit code's area).
 */
@Injectable()
export class TriageSuggester {
  private directory: AreaDirectory | undefined;

  suggest(batch: BatchFile | null): TriageSuggestion | null {
    const order = batch?.order;
    if (!order) return null;
    const areas = (this.directory ??= AreaDirectory.fromChinaDivision());
    const named = (d: District): string => `${d.cityName}${d.name}`;
    const leads: Array<() => TriageSuggestion | null> = [];
    const fromCode = (code: string | undefined, why: (d: District) => string) => () => {
      const d = code ? areas.district(code) : undefined;
      return d ? { areaCode: d.code, areaName: named(d), reason: why(d) } : null;
    };
    const platform = order.platform;
    const seller = order.seller;
    if (platform) {
      leads.push(
        fromCode(
          platform.operatorRegisteredAreaCode,
          (d) =>
            `platform operator ${platform.operatorName} is recorded as registered in ${named(d)} (${d.code})`,
        ),
        fromCode(
          usccArea(platform.operatorUnifiedSocialCreditCode),
          (d) =>
            `platform operator ${platform.operatorName}'s unified social credit code ${platform.operatorUnifiedSocialCreditCode} was issued in ${named(d)} (${d.code}); confirm the registered address`,
        ),
      );
    }
    const sellerRule = platform
      ? ' (the seller’s district: a platform sale goes to the operator’s, confirm)'
      : '';
    leads.push(
      fromCode(
        seller.registeredAreaCode,
        (d) => `seller ${seller.name} is recorded as registered in ${named(d)} (${d.code})${sellerRule}`,
      ),
      () => {
        if (!seller.registeredAddress) return null;
        const r = areas.resolveAddress(seller.registeredAddress);
        return r.ok
          ? {
              areaCode: r.district.code,
              areaName: named(r.district),
              reason: `seller ${seller.name}'s registered address "${seller.registeredAddress}" lies in ${named(r.district)} (${r.district.code})${sellerRule}`,
            }
          : null;
      },
      fromCode(
        usccArea(seller.unifiedSocialCreditCode),
        (d) =>
          `seller ${seller.name}'s unified social credit code ${seller.unifiedSocialCreditCode} was issued in ${named(d)} (${d.code}); confirm the registered address${sellerRule}`,
      ),
    );
    for (const lead of leads) {
      const found = lead();
      if (found) return found;
    }
    return null;
  }
}
