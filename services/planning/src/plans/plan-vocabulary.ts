/** draft → submitted → approved (by an approver, never the author) → active (batches issued) → closed. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The statuses a plan list filters and counts by: `returned` is a draft an approver sent back. */
export const PLAN_QUEUE_STATUSES = [...PLAN_STATUSES, 'returned'] as const;
export type PlanQueueStatus = (typeof PLAN_QUEUE_STATUSES)[number];

/** The four emergency triggers of the rules (应急抽检情形). */
export const EMERGENCY_TRIGGERS = [
  'concentrated-complaints',
  'authority-notice',
  'safety-incident',
  'other',
] as const;
export type EmergencyTrigger = (typeof EMERGENCY_TRIGGERS)[number];
