import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '@qis/auth';
import { SignJWT } from 'jose';

export interface TestClaims {
  roles: Array<Role | string>;
  sub?: string;
  labId?: string;
  platformId?: string;
  jurisdiction?: string;
  /** Lifetime; negative gives an already expired token. Default 10 minutes. */
  ttlSeconds?: number;
}

let shared: TestIssuer | undefined;

/**
 * A token issuer for tests: an RSA key pair made in the test process, its public key in a temp
 * file that services are pointed at (`env`), and `sign()` for tokens of any role and scope.
 */
export class TestIssuer {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKeyFile: string,
    readonly issuer: string,
    readonly audience: string,
  ) {}

  static create(issuer = 'qis-test', audience = 'qis'): TestIssuer {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const dir = mkdtempSync(path.join(tmpdir(), 'qis-issuer-'));
    const file = path.join(dir, 'jwt.pub');
    writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return new TestIssuer(privateKey, file, issuer, audience);
  }

  /** One issuer per test process, shared by every service it starts. */
  static shared(): TestIssuer {
    shared ??= TestIssuer.create();
    return shared;
  }

  /**
   * The private key as a PKCS8 file (mode 600, removed at exit), for a service that signs its own
   * service tokens in tests (`SERVICE_TOKEN_PRIVATE_KEY_FILE`), trusted like every test token.
   */
  get privateKeyFile(): string {
    const file = path.join(path.dirname(this.publicKeyFile), 'jwt.key');
    if (!existsSync(file))
      writeFileSync(file, this.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    return file;
  }

  /** What a service needs to trust this issuer (and nothing else). */
  get env(): Record<string, string> {
    return {
      AUTH_PUBLIC_KEY_FILE: this.publicKeyFile,
      AUTH_JWKS_URL: '',
      // Services in tests trust this issuer alone, unless a test adds the console's (Keycloak).
      AUTH_OIDC_ISSUER: '',
      AUTH_OIDC_JWKS_URL: '',
      AUTH_ISSUER: this.issuer,
      AUTH_AUDIENCE: this.audience,
    };
  }

  sign(claims: TestClaims): Promise<string> {
    const { ttlSeconds = 600, sub = `test-${randomUUID().slice(0, 8)}`, ...rest } = claims;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(Math.min(now, now + ttlSeconds - 60))
      .setExpirationTime(now + ttlSeconds)
      .sign(this.privateKey);
  }

  /** `{ authorization: 'Bearer …' }` for fetch. */
  async headers(claims: TestClaims): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.sign(claims)}` };
  }
}
