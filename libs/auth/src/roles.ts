/** The roles a token may carry (`roles` claim). Anything else in the claim is ignored. */
export const ROLES = [
  'planner',
  'approver',
  'buyer',
  'purchasing-admin',
  'intake-officer',
  'lab',
  'enforcement-officer',
  'platform',
  'disclosure-officer',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
