import { Injectable } from '@nestjs/common';
import type { BatchFile } from '../kernel/batch-file.entity';
import { AreaDirectory, type District } from '../routing/area-directory';
import { AreaLocator, type Location } from '../routing/area-locator';

/** A district the officer may confirm for a triage item, and the evidence it rests on. */
export interface TriageSuggestion {
  areaCode: string;
  areaName: string;
  reason: string;
}

const named = (d: District): string => `${d.cityName}${d.name}`;

/**
 * The resolver's best lead for a batch routing could not place: the district a person should
 * check first, never applied by itself. A platform sale goes by the operator's registered district
 * (recorded, else its credit code's area); an own-site sale by the seller's. Codes are read through
 * the area-code history (a credit code of 下城区 330103, retired in 2021, leads to 拱墅区, and says so).
 * A credit code's area is evidence, never proof against an address: where they conflict, the
 * address is the lead and the conflict is named.
 */
@Injectable()
export class TriageSuggester {
  private locator: AreaLocator | undefined;

  suggest(batch: BatchFile | null): TriageSuggestion | null {
    const order = batch?.order;
    if (!order) return null;
    const locator = (this.locator ??= new AreaLocator(AreaDirectory.fromChinaDivision()));
    const lead = (d: District, reasons: string[], ...caveats: string[]): TriageSuggestion => ({
      areaCode: d.code,
      areaName: named(d),
      reason: [...reasons, ...caveats].join('; '),
    });
    const { platform, seller } = order;
    if (platform) {
      const operator = locator.platformOperator(platform);
      if (operator.district)
        return lead(
          operator.district,
          operator.reasons,
          ...(platform.operatorRegisteredAreaCode ? [] : ['confirm the registered address']),
        );
    }
    const sellerRule = platform
      ? ['the seller’s district: a platform sale goes to the operator’s, confirm']
      : [];
    const found: Location = locator.seller(seller);
    if (found.district) {
      const fromCreditCodeAlone = !seller.registeredAreaCode && !seller.registeredAddress;
      return lead(
        found.district,
        found.reasons,
        ...(fromCreditCodeAlone ? ['from the credit code alone: confirm the registered address'] : []),
        ...sellerRule,
      );
    }
    // The address and the credit code disagree (or the code's area was split): the address leads.
    if (seller.registeredAddress) {
      const byAddress = locator.fromAddress(
        seller.registeredAddress,
        `seller ${seller.name}: registered address`,
      );
      if (byAddress.district)
        return lead(
          byAddress.district,
          byAddress.reasons,
          ...(found.unresolved ? [`${found.unresolved}; the address is the lead`] : []),
          ...sellerRule,
        );
    }
    return null;
  }
}
