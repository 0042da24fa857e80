import { conflict, ErrorCode, type ConflictError } from '@qis/domain';

/** The assignment is not in a state that allows the action (409 `assignment_state`). */
export const stateConflict = (message: string): ConflictError => conflict(message, ErrorCode.assignmentState);
