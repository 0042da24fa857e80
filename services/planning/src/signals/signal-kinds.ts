/** Where a risk signal (风险线索) comes from. Complaints and reports also arrive from platforms over Kafka. */
export const SIGNAL_KINDS = [
  'complaint',
  'report',
  'public-opinion',
  'authority-notice',
  'self-check-failure',
  'enforcement-finding',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
