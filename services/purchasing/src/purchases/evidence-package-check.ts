import type { FieldError } from '@qis/contracts';
import { EVIDENCE_KINDS, type EvidenceItem, type EvidenceKind } from '../kernel/evidence-item';

const DESCRIPTIONS: Record<EvidenceKind, string> = {
  'purchase-screen-recording': 'full screen recording of the purchase is missing',
  'order-screenshot': 'order screenshot is missing',
  'chat-screenshot': 'chat screenshots are missing',
  'listing-snapshot': 'listing snapshot is missing',
  'product-claim-photo': 'product claim photos are missing',
  'payment-proof': 'payment proof is missing',
};

/** Each mandatory item of the purchase evidence package that is absent, as field errors. */
export function missingEvidence(items: readonly EvidenceItem[]): FieldError[] {
  const present = new Set(items.map((i) => i.kind));
  return EVIDENCE_KINDS.filter((kind) => !present.has(kind)).map((kind) => ({
    field: `evidence.${kind}`,
    reasons: [DESCRIPTIONS[kind]],
  }));
}
