import { conflict, ErrorCode, type ConflictError } from '@qis/domain';

/** A workflow step asked of a plan in the wrong state: 409 `plan_state` naming both. */
export const planStateConflict = (
  id: string,
  status: string,
  needed: readonly string[],
  action: string,
): ConflictError =>
  conflict(`plan ${id} is ${status}; ${action} needs ${needed.join(' or ')}`, ErrorCode.planState);
