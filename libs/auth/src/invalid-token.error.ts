/** A bearer token that cannot be trusted; `reason` says why, without quoting the token. */
export class InvalidTokenError extends Error {
  constructor(
    readonly reason: 'missing' | 'expired' | 'invalid' | 'issuer-unavailable',
    detail: string,
  ) {
    super(detail);
    this.name = 'InvalidTokenError';
  }
}
