export const ASSIGNMENT_STATUSES = ['dispatched', 'accepted', 'in-progress', 'declined', 'reported'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Statuses that hold a lab's capacity and can become overdue. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['dispatched', 'accepted', 'in-progress'];
