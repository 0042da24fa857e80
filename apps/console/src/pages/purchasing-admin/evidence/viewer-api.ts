import { ApiError } from '../../../api/client';
import type { Role } from '../../../auth/keycloak';

/** Who may read evidence (the evidence service decides per object; others get 404 as for an unknown id). */
export const EVIDENCE_READERS: readonly Role[] = [
  'intake-officer',
  'enforcement-officer',
  'purchasing-admin',
  'auditor',
  'admin',
];

/** Who may verify the custody chain. */
export const CUSTODY_VERIFIERS: readonly Role[] = ['auditor', 'admin'];

/** Kinds that show the buyer (account, name, phone, address): opened only with a stated purpose. */
export const IDENTITY_BEARING: ReadonlySet<string> = new Set([
  'purchase-screen-recording',
  'order-screenshot',
  'chat-screenshot',
  'payment-proof',
  'waybill-photo',
]);

/** The service refused for want of a purpose (a kind that shows the buyer). */
export const needsPurpose = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'purpose_required';

/**
 * The object store's presigned URL under the console's own origin: nginx forwards /object-store/ to
 * the store with the host the signature covers (the console's CSP allows no other origin), and
 * passes Range on, so a video streams and seeks.
 */
export const sameOrigin = (presigned: string): string => {
  const u = new URL(presigned);
  return `${window.location.origin}/object-store${u.pathname}${u.search}`;
};

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const humanSize = (bytes: number | null | undefined): string => {
  if (typeof bytes !== 'number') return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
};
