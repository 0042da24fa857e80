import type { ServiceName } from '../../api/client';
import type { planning } from '../../api/generated';
import type { Role } from '../../auth/keycloak';

export type BatchStage = planning.components['schemas']['BatchStageView'];
export type StageName = BatchStage['stage'];

/** The stages in the order of the procedure, and which service answers for each. */
export const STAGES: ReadonlyArray<{ stage: StageName; service: ServiceName }> = [
  { stage: 'issued', service: 'planning' },
  { stage: 'assigned', service: 'purchasing' },
  { stage: 'bought', service: 'purchasing' },
  { stage: 'shipped', service: 'purchasing' },
  { stage: 'received', service: 'evidence' },
  { stage: 'sealed', service: 'evidence' },
  { stage: 'dispatched', service: 'lab-gateway' },
  { stage: 'reported', service: 'lab-gateway' },
  { stage: 'notified', service: 'enforcement' },
  { stage: 'objected', service: 'enforcement' },
  { stage: 'final', service: 'enforcement' },
  { stage: 'routed', service: 'enforcement' },
  { stage: 'closed', service: 'enforcement' },
  { stage: 'published', service: 'disclosure' },
];

/**
 * Who may read each service's stage view (as each service's README states). The console does not
 * ask a service the viewer may not read; the stage shows as restricted, as a 403 would.
 */
export const STAGE_READERS: Record<ServiceName, readonly Role[]> = {
  planning: ['planner', 'approver', 'auditor', 'admin'],
  purchasing: ['planner', 'approver', 'auditor', 'admin', 'purchasing-admin'],
  evidence: ['planner', 'approver', 'auditor', 'admin', 'intake-officer'],
  'lab-gateway': ['planner', 'approver', 'auditor', 'admin', 'lab'],
  enforcement: ['planner', 'approver', 'auditor', 'admin', 'enforcement-officer'],
  disclosure: ['planner', 'approver', 'auditor', 'admin'],
};

/** Who may find a batch by its order number (purchasing keeps order numbers to them). */
export const ORDER_READERS: readonly Role[] = ['purchasing-admin', 'auditor', 'admin'];

/** HZ2026-000123: the bureau's prefix, the year, six digits. */
export const BATCH_NUMBER = /^[A-Z]{2,8}\d{4}-\d{6}$/;

/** One service's answer for a batch: its stages, restricted (403), or nothing of it (404). */
export type Answer = { kind: 'stages'; stages: BatchStage[] } | { kind: 'restricted' } | { kind: 'absent' };
