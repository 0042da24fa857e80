import type { DelegatedAct, DelegationMatter } from '@qis/contracts';

/** active: in force or yet to start; expired: past its last day; revoked: ended by the city bureau. */
export const DELEGATION_STATES = ['active', 'expired', 'revoked'] as const;
export type DelegationState = (typeof DELEGATION_STATES)[number];

export interface DelegationRecord {
  id: string;
  matter: DelegationMatter;
  planId: string;
  batchNumber: string | null;
  delegate: { areaCode: string; name: string };
  delegator: { areaCode: string; name: string };
  reference: string;
  acts: DelegatedAct[];
  validFrom: string;
  validUntil: string;
  reason: string;
  recordedBy: string;
  recordedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  /** The batches it covers now: the batch, or every batch issued from the plan. */
  batches: string[];
}

export const delegationState = (d: DelegationRecord, today: string): DelegationState =>
  d.revokedAt ? 'revoked' : d.validUntil < today ? 'expired' : 'active';
