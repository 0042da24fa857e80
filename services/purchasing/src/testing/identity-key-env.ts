import { identityKeyEnv } from '@qis/testing';

export { identityKeyEnv };

/** Tests that boot the service from `process.env` (basics, access matrix) need a key ring there. */
export function useTestIdentityKeys(): void {
  Object.assign(process.env, identityKeyEnv());
}
