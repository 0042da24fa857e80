/** What an evidence object is; each kind is produced at one stage of the flow. */
export const EVIDENCE_KINDS = [
  'purchase-screen-recording',
  'order-screenshot',
  'chat-screenshot',
  'listing-snapshot',
  'product-claim-photo',
  'payment-proof',
  'waybill-photo',
  'unboxing-video',
  'sample-photo',
  'seal-photo',
  'signed-work-order',
  'lab-report',
  'notice',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
