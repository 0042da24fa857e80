import type { Lab } from '../labs/lab.entity';

/** What a sample needs of a lab. */
export interface SampleNeeds {
  category: string;
  /** The product standard claimed on the label, when there is one. */
  standard: string | null;
  /** Shanghai day of the dispatch: accreditations must be valid then. */
  on: string;
}

/** Why a lab cannot take a sample; empty when it is qualified. */
export function disqualifications(lab: Lab, needs: SampleNeeds): string[] {
  const reasons: string[] = [];
  if (!lab.active) reasons.push('inactive');
  if (lab.sandbox) reasons.push('sandbox lab (never drawn for a real sample)');
  if (lab.cmaExpiresOn < needs.on) reasons.push(`CMA ${lab.cmaNumber} expired on ${lab.cmaExpiresOn}`);
  if (lab.cnasNumber !== null && lab.cnasExpiresOn !== null && lab.cnasExpiresOn < needs.on)
    reasons.push(`CNAS ${lab.cnasNumber} expired on ${lab.cnasExpiresOn}`);
  const scope = lab.scopes.find((s) => s.category === needs.category);
  if (!scope) reasons.push(`category ${needs.category} outside its scope`);
  else if (needs.standard !== null && scope.standards.length > 0 && !scope.standards.includes(needs.standard))
    reasons.push(`standard ${needs.standard} outside its scope`);
  return reasons;
}
