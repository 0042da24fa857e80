import { readFile } from 'node:fs/promises';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
  type JWTVerifyResult,
} from 'jose';
import { InvalidTokenError } from './invalid-token.error';
import { isJurisdictionCode } from './jurisdiction';
import type { Principal } from './principal';
import { isRole } from './roles';

/** Where tokens come from: one of a PEM public key file or a JWKS URL (an OIDC provider's `jwks_uri`). */
export interface AuthSettings {
  publicKeyFile?: string;
  jwksUrl?: string;
  /** Checked when set (`iss`). */
  issuer?: string;
  /** Checked when set (`aud`). */
  audience?: string;
  clockToleranceSeconds: number;
  /**
   * A second trusted issuer, an OIDC provider (the staff console's Keycloak), beside the source
   * above: tokens are routed to it by their exact `iss`. Requires `issuer` above, so that every
   * token names which of the two signed it.
   */
  oidc?: { issuer: string; jwksUrl: string };
}

type Check = (token: string) => Promise<JWTVerifyResult>;

const SCOPE_ID = /^[A-Za-z0-9._:-]{1,64}$/;
/** Verified tokens remembered at most this long (so a key withdrawn from a JWKS stops working soon). */
const CACHE_TTL_MS = 60_000;
const CACHE_ENTRIES = 10_000;

/**
 * Verifies RS256 bearer tokens and turns their claims into a `Principal`. A token once verified is
 * remembered until it expires (at most a minute): a client polling with one token pays for the RSA
 * signature check once, not on every request. Refusals are never remembered.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  private constructor(
    private readonly check: Check,
    private readonly clockToleranceMs = 0,
  ) {}

  static async fromSettings(settings: AuthSettings): Promise<TokenVerifier> {
    const options = (issuer: string | undefined): JWTVerifyOptions => ({
      algorithms: ['RS256'],
      issuer: issuer || undefined,
      audience: settings.audience || undefined,
      clockTolerance: settings.clockToleranceSeconds,
      requiredClaims: ['sub', 'exp'],
    });
    const tolerance = settings.clockToleranceSeconds * 1000;
    const primary = settings.jwksUrl
      ? jwksCheck(settings.jwksUrl, options(settings.issuer))
      : await keyFileCheck(settings.publicKeyFile, options(settings.issuer));
    const oidc = settings.oidc;
    if (!oidc) return new TokenVerifier(primary, tolerance);
    if (!settings.issuer) throw new Error('AUTH_ISSUER must be set when AUTH_OIDC_ISSUER is');
    if (oidc.issuer === settings.issuer) throw new Error('AUTH_OIDC_ISSUER must differ from AUTH_ISSUER');
    const byIssuer = new Map<string, Check>([
      [settings.issuer, primary],
      [oidc.issuer, jwksCheck(oidc.jwksUrl, options(oidc.issuer))],
    ]);
    return new TokenVerifier((token) => {
      // Only routes the token: the chosen check verifies the signature and the same `iss` again.
      let issuer: unknown;
      try {
        issuer = decodeJwt(token).iss;
      } catch {
        return Promise.reject(new InvalidTokenError('invalid', 'token rejected (ERR_JWT_INVALID)'));
      }
      const check = typeof issuer === 'string' ? byIssuer.get(issuer) : undefined;
      return check
        ? check(token)
        : Promise.reject(new InvalidTokenError('invalid', 'token rejected (untrusted issuer)'));
    }, tolerance);
  }

  /** The caller behind `token`, or `InvalidTokenError`. */
  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now) return copyOf(known.principal);
    if (known) this.verified.delete(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await this.check(token));
    } catch (error) {
      throw classify(error);
    }
    const principal = principalOf(payload);
    // `exp` is a required claim, checked by jwtVerify; the tolerance is the one jwtVerify applies.
    const until = Math.min((payload.exp as number) * 1000 + this.clockToleranceMs, now + CACHE_TTL_MS);
    if (this.verified.size >= CACHE_ENTRIES)
      this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, until });
    return copyOf(principal);
  }
}

const copyOf = (p: Principal): Principal => ({ ...p, roles: [...p.roles] });

function jwksCheck(url: string, options: JWTVerifyOptions): Check {
  const jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  return (token) => jwtVerify(token, jwks, options);
}

async function keyFileCheck(file: string | undefined, options: JWTVerifyOptions): Promise<Check> {
  if (!file) throw new Error('AUTH_PUBLIC_KEY_FILE or AUTH_JWKS_URL must be set');
  const pem = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`AUTH_PUBLIC_KEY_FILE: cannot read ${file}: ${error.message}`);
  });
  const key = await importSPKI(pem, 'RS256').catch(() => {
    throw new Error(`AUTH_PUBLIC_KEY_FILE: ${file} is not an RSA public key in PEM (SPKI) form`);
  });
  return (token) => jwtVerify(token, key, options);
}

function classify(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('expired', 'token expired');
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError)
  ) {
    // The issuer's key set could not be fetched (network, timeout, bad answer): not the caller's fault.
    return new InvalidTokenError('issuer-unavailable', `key set unavailable: ${(error as Error).message}`);
  }
  return new InvalidTokenError('invalid', `token rejected (${error.code})`);
}

/** Known roles from `roles`, or from Keycloak's `realm_access.roles`; unknown roles are ignored. */
function rolesOf(payload: JWTPayload): Principal['roles'] {
  const realm = payload['realm_access'];
  const claim =
    payload['roles'] ??
    (typeof realm === 'object' && realm !== null ? (realm as Record<string, unknown>)['roles'] : undefined);
  if (claim === undefined) return [];
  if (!Array.isArray(claim)) throw new InvalidTokenError('invalid', 'roles claim is not an array');
  return [...new Set(claim.filter(isRole))];
}

function scopeClaim(payload: JWTPayload, name: string, valid: (v: unknown) => boolean): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null) return undefined;
  if (!valid(value)) throw new InvalidTokenError('invalid', `${name} claim is malformed`);
  return value as string;
}

function principalOf(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') {
    throw new InvalidTokenError('invalid', 'sub claim is missing');
  }
  const id = (v: unknown) => typeof v === 'string' && SCOPE_ID.test(v);
  const principal: Principal = { sub: payload.sub, roles: rolesOf(payload) };
  const labId = scopeClaim(payload, 'labId', id);
  const platformId = scopeClaim(payload, 'platformId', id);
  const jurisdiction = scopeClaim(payload, 'jurisdiction', isJurisdictionCode);
  if (labId) principal.labId = labId;
  if (platformId) principal.platformId = platformId;
  if (jurisdiction) principal.jurisdiction = jurisdiction;
  return principal;
}
