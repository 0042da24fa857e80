import type { Assignment } from './assignment.entity';

/**
 * Assignment rows read with plain SQL on the lab API's hot paths (one statement, no query builder).
 * `view` is what a lab sees; `full` adds the draw and the bookkeeping.
 */
const VIEW = [
  'id',
  'batch_number',
  'purpose',
  'category',
  'sample_name',
  'sample_code',
  'sample_role',
  'seal_number',
  'product_standard',
  'reinspection_of_report',
  'dispatched_at',
  'due_on::text as due_on',
  'status',
  'decline_reason',
  'progress',
];
const FULL = [
  ...VIEW,
  'lab_id',
  'lab_name',
  'draw_seed',
  'candidate_lab_ids',
  'excluded_lab_ids',
  'due_on_provisional',
  'contract_id',
  'contract_number',
  'contract_version',
  'turnaround_working_days',
  'overdue_alerted_at',
  'updated_at',
  'sandbox',
];

export const ASSIGNMENT_VIEW_COLUMNS = VIEW.join(', ');
export const ASSIGNMENT_COLUMNS = FULL.join(', ');

/** The fields of an assignment its lab sees. */
export type AssignmentViewSource = Pick<
  Assignment,
  | 'id'
  | 'batchNumber'
  | 'purpose'
  | 'category'
  | 'sampleName'
  | 'sampleCode'
  | 'sampleRole'
  | 'sealNumber'
  | 'productStandard'
  | 'reinspectionOfReport'
  | 'dispatchedAt'
  | 'dueOn'
  | 'status'
  | 'declineReason'
  | 'progress'
>;

type Row = Record<string, unknown>;

/** A row selected with `ASSIGNMENT_VIEW_COLUMNS`. */
export const assignmentViewOfRow = (r: Row): AssignmentViewSource => ({
  id: r['id'] as string,
  batchNumber: r['batch_number'] as string,
  purpose: r['purpose'] as Assignment['purpose'],
  category: r['category'] as string,
  sampleName: r['sample_name'] as string,
  sampleCode: r['sample_code'] as string,
  sampleRole: r['sample_role'] as Assignment['sampleRole'],
  sealNumber: r['seal_number'] as string,
  productStandard: r['product_standard'] as string | null,
  reinspectionOfReport: r['reinspection_of_report'] as string | null,
  dispatchedAt: r['dispatched_at'] as Date,
  dueOn: r['due_on'] as string,
  status: r['status'] as Assignment['status'],
  declineReason: r['decline_reason'] as string | null,
  progress: r['progress'] as Assignment['progress'],
});

/** A row selected with `ASSIGNMENT_COLUMNS`. */
export const assignmentOfRow = (r: Row): Assignment => ({
  ...assignmentViewOfRow(r),
  labId: r['lab_id'] as string,
  labName: r['lab_name'] as string,
  drawSeed: r['draw_seed'] as string,
  candidateLabIds: r['candidate_lab_ids'] as string[],
  excludedLabIds: r['excluded_lab_ids'] as string[],
  dueOnProvisional: r['due_on_provisional'] as boolean,
  contractId: (r['contract_id'] as string | null) ?? null,
  contractNumber: (r['contract_number'] as string | null) ?? null,
  contractVersion: (r['contract_version'] as number | null) ?? null,
  turnaroundWorkingDays: (r['turnaround_working_days'] as number | null) ?? null,
  overdueAlertedAt: r['overdue_alerted_at'] as Date | null,
  updatedAt: r['updated_at'] as Date,
  sandbox: r['sandbox'] === true,
});
