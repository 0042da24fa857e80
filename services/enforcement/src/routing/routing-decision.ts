import type { RoutingRule } from '@qis/contracts';
import type { AuthorityEntry } from './authority-entry';

/** Where a failed batch goes, and by which rule; or why a person must decide (manual triage). */
export type RoutingDecision =
  | {
      kind: 'routed';
      rule: RoutingRule;
      authority: AuthorityEntry;
      copiedTo: AuthorityEntry[];
      /** District of the address the rule used (the seller's or the platform operator's), when one was. */
      subjectAreaCode?: string;
      explanation: string;
    }
  | { kind: 'triage'; reason: string };
