/** A stored value was sealed with a key no longer in the ring: the ring lost a key too early. */
export class UnknownIdentityKeyError extends Error {
  constructor(readonly kid: string) {
    super(`identity key ${kid} is not in PURCHASING_IDENTITY_KEY; keep it until a rotation has finished`);
    this.name = 'UnknownIdentityKeyError';
  }
}
