/**
 * 复检封样: the applicant, the original lab, the re-inspection lab and enforcement officers sign the
 * re-sealed sample again (operating rules §6, 第四). Roles of the seal strips at unpacking stay valid
 * as extra signers.
 */
export const RESEAL_ROLES = [
  'enforcement-officer',
  'applicant',
  'original-lab',
  'reinspection-lab',
  'lab-staff',
  'buyer',
] as const;
export type ResealRole = (typeof RESEAL_ROLES)[number];

const RESEAL_REQUIRED: Readonly<Partial<Record<ResealRole, number>>> = {
  applicant: 1,
  'original-lab': 1,
  'reinspection-lab': 1,
  'enforcement-officer': 1,
};

const LABEL: Record<ResealRole, string> = {
  'enforcement-officer': 'enforcement officer',
  applicant: 're-inspection applicant',
  'original-lab': 'original lab',
  'reinspection-lab': 're-inspection lab',
  'lab-staff': 'lab staff',
  buyer: 'buyer',
};

/** Reasons the signers fall short of the re-seal rule, or none; one person counts once per role. */
export function missingResealParties(signers: ReadonlyArray<{ role: ResealRole; name: string }>): string[] {
  return (Object.entries(RESEAL_REQUIRED) as Array<[ResealRole, number]>).flatMap(([role, min]) => {
    const n = new Set(signers.filter((s) => s.role === role).map((s) => s.name.trim())).size;
    return n < min
      ? [`needs the signature of the ${LABEL[role]}${min > 1 ? ` (${min})` : ''}, got ${n}`]
      : [];
  });
}
