import { randomBytes } from 'node:crypto';

/** A fresh key ring for a test service: `{ PURCHASING_IDENTITY_KEY, PURCHASING_ACTIVE_KEY_ID }`. */
export function identityKeyEnv(kids: string[] = ['k1'], active = kids[0]): Record<string, string> {
  return {
    PURCHASING_IDENTITY_KEY: kids.map((kid) => `${kid}:${randomBytes(32).toString('base64')}`).join(','),
    PURCHASING_ACTIVE_KEY_ID: active,
  };
}

/** Tests that boot the service from `process.env` (basics, access matrix) need a key ring there. */
export function useTestIdentityKeys(): void {
  Object.assign(process.env, identityKeyEnv());
}
