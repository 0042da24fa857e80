import { readFile } from 'node:fs/promises';
import { decodeJwt, importPKCS8, SignJWT, type KeyLike } from 'jose';
import type { Role } from './roles';

/**
 * How a service gets a bearer token for calls it makes on its own behalf (no user behind them:
 * Kafka handlers, schedulers). Exactly one source:
 * - `privateKeyFile` (development and test only): sign a short-lived RS256 token with the local
 *   issuer's private key (`.infra/keys/dev-jwt.key`), claims `sub` + `roles`, `iss`/`aud` as set.
 * - `tokenUrl` + `clientId` + `clientSecret`: an OAuth2 client-credentials grant (RFC 6749 4.4)
 *   against the identity provider (Keycloak: `…/protocol/openid-connect/token`); the client's
 *   service-account roles come from the provider.
 */
export interface ServiceTokenSettings {
  environment: string;
  /** `sub` of self-signed tokens, e.g. `service:enforcement`. */
  subject: string;
  /** `roles` of self-signed tokens. */
  roles: readonly Role[];
  /**
   * `jurisdiction` of self-signed tokens (GB/T 2260), e.g. enforcement's city, so the evidence
   * service lets it read the lab reports of that city's batches; with client credentials the
   * identity provider sets the claim on the service account.
   */
  jurisdiction?: string;
  privateKeyFile?: string;
  issuer?: string;
  audience?: string;
  /** Lifetime of self-signed tokens; default 5 minutes. */
  ttlSeconds?: number;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** Optional `scope` parameter of the grant. */
  scope?: string;
}

/** Refresh this long before a token expires. */
const REFRESH_MARGIN_SECONDS = 30;

/** Hands out a cached service token, minting or fetching a new one shortly before expiry. */
export class ServiceTokenSource {
  private cached: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  private constructor(
    private readonly mint: (now: number) => Promise<{ token: string; expiresAt: number }>,
    readonly kind: 'self-signed' | 'client-credentials',
  ) {}

  /** The configured source, or `undefined` when none is configured; a bad combination throws. */
  static fromSettings(settings: ServiceTokenSettings): ServiceTokenSource | undefined {
    const { privateKeyFile, tokenUrl, clientId, clientSecret } = settings;
    if (privateKeyFile && tokenUrl)
      throw new Error('service token: set a private key file or a token URL, not both');
    if (tokenUrl) {
      if (!clientId || !clientSecret)
        throw new Error('service token: a token URL needs a client id and a client secret');
      return new ServiceTokenSource(
        () => clientCredentials(tokenUrl, clientId, clientSecret, settings.scope),
        'client-credentials',
      );
    }
    if (!privateKeyFile) return undefined;
    if (settings.environment === 'production')
      throw new Error(
        'service token: self-signed tokens are for development and test; production uses a token URL (client credentials)',
      );
    let key: Promise<KeyLike> | undefined;
    return new ServiceTokenSource(async (now) => {
      key ??= loadPrivateKey(privateKeyFile);
      return selfSigned(await key, settings, now);
    }, 'self-signed');
  }

  /** A token valid for at least the refresh margin. */
  async token(now = Date.now()): Promise<string> {
    if (this.cached && this.cached.expiresAt - REFRESH_MARGIN_SECONDS * 1000 > now) return this.cached.token;
    this.pending ??= this.mint(now)
      .then((minted) => {
        this.cached = minted;
        return minted.token;
      })
      .finally(() => (this.pending = undefined));
    return this.pending;
  }

  /** `{ authorization: 'Bearer …' }` for fetch. */
  async headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token()}` };
  }
}

async function loadPrivateKey(file: string): Promise<KeyLike> {
  const pem = await readFile(file, 'utf8').catch((error: Error) => {
    throw new Error(`service token: cannot read the private key file ${file}: ${error.message}`);
  });
  return importPKCS8(pem, 'RS256').catch(() => {
    throw new Error(`service token: ${file} is not an RSA private key in PEM (PKCS#8) form`);
  });
}

async function selfSigned(
  key: KeyLike,
  settings: ServiceTokenSettings,
  at: number,
): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(at / 1000);
  const exp = now + (settings.ttlSeconds ?? 300);
  let jwt = new SignJWT({
    roles: [...settings.roles],
    ...(settings.jurisdiction ? { jurisdiction: settings.jurisdiction } : {}),
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setSubject(settings.subject)
    .setIssuedAt(now)
    .setExpirationTime(exp);
  if (settings.issuer) jwt = jwt.setIssuer(settings.issuer);
  if (settings.audience) jwt = jwt.setAudience(settings.audience);
  return { token: await jwt.sign(key), expiresAt: exp * 1000 };
}

async function clientCredentials(
  tokenUrl: string,
  clientId: string,
  clientSecret: string,
  scope: string | undefined,
): Promise<{ token: string; expiresAt: number }> {
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scope) body.set('scope', scope);
  // client_secret_basic (RFC 6749 2.3.1): id and secret form-encoded, then Base64.
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
    'base64',
  );
  let res: Response;
  try {
    res = await fetch(tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`service token: ${tokenUrl} unreachable: ${(error as Error).message}`);
  }
  // The provider's error code only (never echo the request: it carries the secret).
  const answer = (await res.json().catch(() => ({}))) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
  };
  if (!res.ok || typeof answer.access_token !== 'string') {
    const code = typeof answer.error === 'string' ? answer.error.slice(0, 64) : 'no access_token';
    throw new Error(`service token: ${tokenUrl} answered ${res.status} (${code}) for client ${clientId}`);
  }
  const lifetime =
    typeof answer.expires_in === 'number' ? answer.expires_in : lifetimeOf(answer.access_token);
  return { token: answer.access_token, expiresAt: Date.now() + Math.max(0, lifetime) * 1000 };
}

/** Seconds left by the token's own `exp` when the answer has no `expires_in`; a minute if opaque. */
function lifetimeOf(token: string): number {
  try {
    const exp = decodeJwt(token).exp;
    if (exp) return exp - Date.now() / 1000;
  } catch {
    // An opaque token: no claims to read.
  }
  return 60;
}
