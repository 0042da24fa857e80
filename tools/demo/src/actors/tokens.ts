import { readFileSync } from 'node:fs';
import { importPKCS8, SignJWT, type KeyLike } from 'jose';
import type { Claims, TokenSource } from './http';

export interface Pkcs8TokenOptions {
  /** `iss`; default `QIS_AUTH_ISSUER` or `qis-dev` (as tools/token/token.js). */
  issuer?: string;
  /** `aud`; default `QIS_AUTH_AUDIENCE` or `qis`. */
  audience?: string;
  /** Lifetime of each token; default 1 hour. Tokens are reused until 60 s before expiry. */
  ttlSeconds?: number;
}

/**
 * A token source signing RS256 with a PKCS8 PEM key file, e.g. the local dev issuer's
 * `.infra/keys/dev-jwt.key` that `npm start` makes the services trust.
 */
export function pkcs8TokenSource(keyFile: string, options: Pkcs8TokenOptions = {}): TokenSource {
  const issuer = options.issuer ?? process.env['QIS_AUTH_ISSUER'] ?? 'qis-dev';
  const audience = options.audience ?? process.env['QIS_AUTH_AUDIENCE'] ?? 'qis';
  const ttl = options.ttlSeconds ?? 3600;
  let key: Promise<KeyLike> | undefined;
  const cache = new Map<string, { token: string; until: number }>();
  return async (claims: Claims) => {
    const id = JSON.stringify([
      claims.sub,
      [...claims.roles].sort(),
      claims.labId,
      claims.platformId,
      claims.jurisdiction,
    ]);
    const now = Math.floor(Date.now() / 1000);
    const cached = cache.get(id);
    if (cached && cached.until > now + 60) return cached.token;
    key ??= importPKCS8(readFileSync(keyFile, 'utf8'), 'RS256');
    const { sub, roles, ...scope } = claims;
    const body: Record<string, unknown> = { roles: [...new Set(roles)] };
    for (const [k, v] of Object.entries(scope)) if (v !== undefined) body[k] = v;
    const token = await new SignJWT(body)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(await key);
    cache.set(id, { token, until: now + ttl });
    return token;
  };
}

/** The people of the flow, as token claims. Names are the `sub` of their login. */
export const persona = {
  planner: (sub = 'planner-chen'): Claims => ({ sub, roles: ['planner'] }),
  /** Approves plans, price overruns, objections, escalations, triage; never the plan's author. */
  approver: (sub = 'approver-li'): Claims => ({ sub, roles: ['approver'] }),
  purchasingAdmin: (sub = 'purchasing-admin-zhou'): Claims => ({ sub, roles: ['purchasing-admin'] }),
  /** A buyer's `sub` is the `userId` they were registered with. */
  buyer: (userId: string): Claims => ({ sub: userId, roles: ['buyer'] }),
  intakeOfficer: (sub = 'intake-officer-wang'): Claims => ({ sub, roles: ['intake-officer'] }),
  /** `labId` is the lab's registry id (`POST /labs` answer). */
  lab: (labId: string, sub = `lab-user-${labId.slice(0, 8)}`): Claims => ({ sub, roles: ['lab'], labId }),
  enforcementOfficer: (jurisdiction: string, sub = `officer-${jurisdiction}`): Claims => ({
    sub,
    roles: ['enforcement-officer'],
    jurisdiction,
  }),
  admin: (sub = 'admin-demo'): Claims => ({ sub, roles: ['admin'] }),
  auditor: (sub = 'auditor-demo'): Claims => ({ sub, roles: ['auditor'] }),
  platform: (platformId: string, sub = `platform-${platformId}`): Claims => ({
    sub,
    roles: ['platform'],
    platformId,
  }),
} as const;
