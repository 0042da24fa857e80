import { jurisdictionCovers, type Principal, type Role } from '@qis/auth';
import type { EvidenceKind } from '../objects/evidence-kind';

/** Who may read an evidence kind, and whether it shows the buyer (account, recipient, phone, address). */
export interface KindPolicy {
  /** Shows who bought: read only by {@link IDENTITY_READERS}, with a stated purpose. */
  identityBearing: boolean;
  /** Roles that make this kind (POST /evidence/uploads). */
  uploaders: readonly Role[];
}

/** Staff who may read evidence that does not show the buyer (enforcement officers: of their jurisdiction). */
export const STAFF_READERS: readonly Role[] = [
  'intake-officer',
  'enforcement-officer',
  'purchasing-admin',
  'auditor',
  'admin',
];

/** Staff readers not narrowed to a jurisdiction. */
const UNSCOPED_READERS: readonly Role[] = STAFF_READERS.filter((r) => r !== 'enforcement-officer');

/** The only ones who see what shows the buyer: purchasing administrators (and admins), with a purpose. */
const IDENTITY_READERS: readonly Role[] = ['purchasing-admin', 'admin'];

/** Roles that may see an uploader's subject rather than its pseudonym. */
const SUBJECT_READERS: readonly Role[] = ['admin'];

const PURCHASE: readonly Role[] = ['buyer', 'purchasing-admin'];
const INTAKE: readonly Role[] = ['intake-officer'];

/**
 * The one table of evidence access, per kind. Enforcement officers read only kinds that do not show
 * the buyer, and only of the batches of their jurisdiction (`batchAreas` of {@link readAccess}).
 */
export const EVIDENCE_POLICY: Readonly<Record<EvidenceKind, KindPolicy>> = {
  'purchase-screen-recording': { identityBearing: true, uploaders: PURCHASE },
  'order-screenshot': { identityBearing: true, uploaders: PURCHASE },
  // the buyer's shopping account name is in every chat
  'chat-screenshot': { identityBearing: true, uploaders: PURCHASE },
  'listing-snapshot': { identityBearing: false, uploaders: PURCHASE },
  'product-claim-photo': { identityBearing: false, uploaders: [...PURCHASE, ...INTAKE] },
  // the payer's account and name are on the payment record
  'payment-proof': { identityBearing: true, uploaders: PURCHASE },
  // recipient name, phone and address are printed on the waybill
  'waybill-photo': { identityBearing: true, uploaders: INTAKE },
  'unboxing-video': { identityBearing: false, uploaders: INTAKE },
  'sample-photo': { identityBearing: false, uploaders: [...INTAKE, 'lab'] },
  'seal-photo': { identityBearing: false, uploaders: INTAKE },
  'signed-work-order': { identityBearing: false, uploaders: INTAKE },
  'lab-report': { identityBearing: false, uploaders: ['lab'] },
  notice: { identityBearing: false, uploaders: ['enforcement-officer'] },
};

/** Kinds a buyer makes while buying: whoever uploaded these with the buyer role is the batch's buyer. */
export const PURCHASE_KINDS = (Object.keys(EVIDENCE_POLICY) as EvidenceKind[]).filter((kind) =>
  EVIDENCE_POLICY[kind].uploaders.includes('buyer'),
);

/** Every role that makes some kind of evidence. */
export const EVIDENCE_UPLOADERS: readonly Role[] = [
  ...new Set(Object.values(EVIDENCE_POLICY).flatMap((p) => p.uploaders)),
];

const holdsAny = (principal: Pick<Principal, 'roles'>, roles: readonly string[]) =>
  principal.roles.some((role) => roles.includes(role));

/**
 * How a caller may read an object of this kind: `own` (its uploader: metadata only, no purpose),
 * `read`, `read-with-purpose` (identity-bearing, purpose required), or `none` (answered as unknown).
 */
export type ReadAccess = 'own' | 'read' | 'read-with-purpose' | 'none';

/**
 * `batchAreas`: the GB/T 2260 areas whose officers may read the object's batch (the sampling bureau's
 * and those it was routed or copied to; none for an object of no batch).
 */
export function readAccess(
  principal: Pick<Principal, 'sub' | 'roles' | 'jurisdiction'>,
  object: { kind: EvidenceKind; uploader: string },
  batchAreas: readonly string[],
): ReadAccess {
  const policy = EVIDENCE_POLICY[object.kind];
  if (policy.identityBearing) {
    if (holdsAny(principal, IDENTITY_READERS)) return 'read-with-purpose';
  } else if (holdsAny(principal, UNSCOPED_READERS)) {
    return 'read';
  } else if (holdsAny(principal, ['enforcement-officer']) && principal.jurisdiction) {
    const officerArea = principal.jurisdiction;
    if (batchAreas.some((area) => jurisdictionCovers(officerArea, area))) return 'read';
  }
  return object.uploader === principal.sub ? 'own' : 'none';
}

/** Whether the caller's roles let it upload this kind. */
export const mayUpload = (principal: Pick<Principal, 'roles'>, kind: EvidenceKind): boolean =>
  holdsAny(principal, EVIDENCE_POLICY[kind].uploaders);

/** Whether the caller sees uploaders' subjects (admins) or their pseudonyms (everyone else). */
export const seesSubjects = (principal: Pick<Principal, 'roles'>): boolean =>
  holdsAny(principal, SUBJECT_READERS);

const IDENTITY_KINDS = (Object.keys(EVIDENCE_POLICY) as EvidenceKind[]).filter(
  (kind) => EVIDENCE_POLICY[kind].identityBearing,
);

export const PURPOSE_DESCRIPTION =
  `why the evidence is read (e.g. "复核买样证据: 投诉 2026-118"); required for the kinds that show the buyer ` +
  `(${IDENTITY_KINDS.join(', ')}), which only purchasing-admin and admin may read; audited and in the custody ledger`;
