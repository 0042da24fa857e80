import type { Principal } from '@qis/auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The lab a lab user acts for, or null when the claim is no lab id this registry could hold
 * (then nothing is in scope: an empty list, or the same 404 as a missing id).
 */
export const labOf = (principal: Principal): string | null =>
  principal.labId !== undefined && UUID.test(principal.labId) ? principal.labId.toLowerCase() : null;
