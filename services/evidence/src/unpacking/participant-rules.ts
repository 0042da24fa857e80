import type { ParticipantRole } from './participant';

/** 拆包查验和封样: the buyer, at least two enforcement officers and at least two lab staff. */
export const REQUIRED_PRESENT: Readonly<Record<ParticipantRole, number>> = {
  buyer: 1,
  'enforcement-officer': 2,
  'lab-staff': 2,
};

const LABEL: Record<ParticipantRole, string> = {
  buyer: 'buyer',
  'enforcement-officer': 'enforcement officers',
  'lab-staff': 'lab staff',
};

/** Reasons the people listed fall short of the rule, or none; the same person counts once. */
export function missingPeople(
  people: ReadonlyArray<{ role: ParticipantRole; name: string }>,
  required: Partial<Record<ParticipantRole, number>>,
): string[] {
  const reasons: string[] = [];
  for (const [role, min] of Object.entries(required) as Array<[ParticipantRole, number]>) {
    const distinct = new Set(people.filter((p) => p.role === role).map((p) => p.name.trim())).size;
    if (distinct < min) reasons.push(`needs at least ${min} ${LABEL[role]}, got ${distinct}`);
  }
  return reasons;
}
