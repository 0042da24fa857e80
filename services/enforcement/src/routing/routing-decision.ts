import type { RoutingRule } from '@qis/contracts';
import type { AuthorityEntry } from './authority-entry';

/** Which row of the routing policy applied, and the facts that made it apply. */
export interface PolicyTrace {
  /** The row's id in `ROUTING_POLICY` (recorded on the case). */
  row: string;
  /** The facts and rule behind it, in order, for the case page and a review. */
  reasons: string[];
}

/** Where a failed batch goes, and by which rule; or why a person must decide (manual triage). */
export type RoutingDecision =
  | (PolicyTrace & {
      kind: 'routed';
      rule: RoutingRule;
      authority: AuthorityEntry;
      copiedTo: AuthorityEntry[];
      /** District of the address the rule used (the seller's or the platform operator's), when one was. */
      subjectAreaCode?: string;
      /** Handed to an authority outside the sampling city: a transfer letter (案件移送函) goes with it. */
      transfer: boolean;
      explanation: string;
    })
  | (PolicyTrace & { kind: 'triage'; reason: string });
