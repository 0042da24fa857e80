/** draft → submitted → approved (by an approver, never the author) → active (batches issued) → closed. */
export const PLAN_STATUSES = ['draft', 'submitted', 'approved', 'active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The statuses a plan list filters and counts by: `returned` is a draft an approver sent back. */
export const PLAN_QUEUE_STATUSES = [...PLAN_STATUSES, 'returned'] as const;
export type PlanQueueStatus = (typeof PLAN_QUEUE_STATUSES)[number];

/**
 * The emergency triggers of the rules (应急抽检情形, operating rules §3): concentrated complaints
 * (消费者集中投诉), another authority's notice (其他部门通报), a safety incident (产品安全事件), a
 * public-opinion report (舆情监测), an instruction from a higher authority (上级交办), other (其他).
 */
export const EMERGENCY_TRIGGERS = [
  'concentrated-complaints',
  'authority-notice',
  'safety-incident',
  'public-opinion',
  'higher-authority-instruction',
  'other',
] as const;
export type EmergencyTrigger = (typeof EMERGENCY_TRIGGERS)[number];

/**
 * The four triggers of the planning API's release 1.0. A plan view's `emergencyTrigger` keeps to
 * them so that integrators built on that release still read every plan (a newer kind reads `other`,
 * the rules' catch-all); `emergencyTriggerKind` names each kind.
 */
export const RELEASED_EMERGENCY_TRIGGERS = [
  'concentrated-complaints',
  'authority-notice',
  'safety-incident',
  'other',
] as const satisfies readonly EmergencyTrigger[];
export type ReleasedEmergencyTrigger = (typeof RELEASED_EMERGENCY_TRIGGERS)[number];

export const releasedEmergencyTrigger = (
  trigger: EmergencyTrigger | null,
): ReleasedEmergencyTrigger | null =>
  trigger === null
    ? null
    : (RELEASED_EMERGENCY_TRIGGERS as readonly string[]).includes(trigger)
      ? (trigger as ReleasedEmergencyTrigger)
      : 'other';
