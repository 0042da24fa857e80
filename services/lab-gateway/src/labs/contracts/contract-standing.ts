import type { LabContract } from './lab-contract.entity';

/** The contract a lab tests a category under on a day, or why it may not. */
export type ContractStanding =
  { ok: true; contract: LabContract; turnaroundWorkingDays: number } | { ok: false; reason: string };

/** The last day a contract version is in force. */
export const lastDayInForce = (c: Pick<LabContract, 'validTo' | 'endedOn'>): string =>
  c.endedOn !== null && c.endedOn < c.validTo ? c.endedOn : c.validTo;

const inForceOn = (c: Pick<LabContract, 'validFrom' | 'validTo' | 'endedOn'>, day: string): boolean =>
  c.validFrom <= day && day <= lastDayInForce(c);

/** The turnaround agreed for a category: its own, else the contract's. */
const turnaroundFor = (c: LabContract, category: string): number =>
  c.categories.find((k) => k.category === category)?.turnaroundWorkingDays ?? c.turnaroundWorkingDays;

/**
 * Whether a lab may be drawn for a category on a day, given the current versions of its contracts:
 * one in force that covers the category; else the reason, naming the contract that comes closest.
 */
export function contractStanding(
  contracts: readonly LabContract[],
  category: string,
  on: string,
): ContractStanding {
  const current = contracts.find((c) => inForceOn(c, on));
  if (current) {
    if (!current.categories.some((k) => k.category === category))
      return {
        ok: false,
        reason: `entrustment contract ${current.contractNumber} does not cover category ${category}`,
      };
    return { ok: true, contract: current, turnaroundWorkingDays: turnaroundFor(current, category) };
  }
  const upcoming = contracts
    .filter((c) => c.validFrom > on && c.validFrom <= lastDayInForce(c))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom))[0];
  if (upcoming)
    return {
      ok: false,
      reason: `entrustment contract ${upcoming.contractNumber} starts on ${upcoming.validFrom}`,
    };
  const past = contracts
    .filter((c) => lastDayInForce(c) < on)
    .sort((a, b) => lastDayInForce(b).localeCompare(lastDayInForce(a)))[0];
  if (past)
    return {
      ok: false,
      reason:
        past.endedOn !== null && past.endedOn < past.validTo
          ? `entrustment contract ${past.contractNumber} ended on ${past.endedOn}`
          : `entrustment contract ${past.contractNumber} expired on ${past.validTo}`,
    };
  return { ok: false, reason: 'no entrustment contract on record' };
}
