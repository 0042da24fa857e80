/** Roles that may read evidence: every object's metadata and a download of its stored version. */
export const EVIDENCE_READERS = [
  'intake-officer',
  'enforcement-officer',
  'purchasing-admin',
  'auditor',
] as const;
