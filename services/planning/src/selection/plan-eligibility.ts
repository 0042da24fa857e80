import { jurisdictionPrefix } from '@qis/auth';
import type { PlanRecord } from '../plans/plan-record';
import type { Eligibility } from '../scoring/risk-scorer';

/**
 * The scope rule for this bureau: (1) sellers registered in the city, any platform; (2) any seller
 * on a platform registered in the city; (3) sellers registered in the province on platforms
 * elsewhere; (4) areas delegated to the plan.
 */
export function planEligibility(plan: PlanRecord, bureauAreaCode: string, year: number): Eligibility {
  return {
    cityPrefix: bureauAreaCode.slice(0, 4),
    provincePrefix: bureauAreaCode.slice(0, 2),
    delegatedPrefixes: (plan.scheme.delegatedAreaCodes ?? []).map(jurisdictionPrefix),
    platforms: plan.scheme.platforms && plan.scheme.platforms.length > 0 ? plan.scheme.platforms : null,
    year,
    followUp: plan.kind === 'follow-up',
  };
}
