import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, SignJWT, type JWTPayload } from 'jose';
import { InvalidTokenError } from './invalid-token.error';
import { TokenVerifier } from './token-verifier';

const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const { privateKey, publicKey } = pair();
const dir = mkdtempSync(path.join(tmpdir(), 'qis-auth-'));
const keyFile = path.join(dir, 'jwt.pub');
writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));

const sign = (
  claims: JWTPayload,
  { key = privateKey, ttl = 300, kid }: { key?: KeyObject; ttl?: number; kid?: string } = {},
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', ...(kid ? { kid } : {}) })
    .setIssuer('qis-test')
    .setAudience('qis')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(key);

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: unknown) => (e instanceof InvalidTokenError ? e.reason : `unexpected ${String(e)}`),
  );

describe('TokenVerifier with a public key file', () => {
  let verifier: TokenVerifier;
  beforeAll(async () => {
    verifier = await TokenVerifier.fromSettings({
      publicKeyFile: keyFile,
      issuer: 'qis-test',
      audience: 'qis',
      clockToleranceSeconds: 5,
    });
  });

  it('turns a valid token into a principal with known roles and scope claims', async () => {
    const token = await sign({
      sub: 'officer-7',
      roles: ['enforcement-officer', 'offline_access'],
      jurisdiction: '330102',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'officer-7',
      roles: ['enforcement-officer'],
      jurisdiction: '330102',
    });
  });

  it("reads Keycloak's realm_access.roles when there is no roles claim", async () => {
    const token = await sign({ sub: 'kc', realm_access: { roles: ['auditor', 'default-roles-qis'] } });
    await expect(verifier.verify(token)).resolves.toMatchObject({ roles: ['auditor'] });
  });

  it('refuses expired tokens, other signers, other issuers and audiences, and garbage', async () => {
    expect(await reason(verifier.verify(await sign({ sub: 'a', roles: [] }, { ttl: -60 })))).toBe('expired');
    expect(await reason(verifier.verify(await sign({ sub: 'a' }, { key: pair().privateKey })))).toBe(
      'invalid',
    );
    const otherIssuer = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('evil')
      .setAudience('qis')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await reason(verifier.verify(otherIssuer))).toBe('invalid');
    const otherAudience = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('qis-test')
      .setAudience('another-app')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect(await reason(verifier.verify(otherAudience))).toBe('invalid');
    expect(await reason(verifier.verify('a.b.c'))).toBe('invalid');
  });

  it('refuses a token without sub or exp, or with a malformed scope claim', async () => {
    expect(await reason(verifier.verify(await sign({ roles: ['lab'] })))).toBe('invalid');
    const noExp = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('qis-test')
      .setAudience('qis')
      .sign(privateKey);
    expect(await reason(verifier.verify(noExp))).toBe('invalid');
    expect(await reason(verifier.verify(await sign({ sub: 'a', jurisdiction: '3301' })))).toBe('invalid');
    expect(await reason(verifier.verify(await sign({ sub: 'a', roles: 'admin' })))).toBe('invalid');
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'a', roles: ['admin'], exp: 9999999999 })).toString(
      'base64url',
    );
    expect(await reason(verifier.verify(`${header}.${body}.`))).toBe('invalid');
  });

  it('remembers a verified token only until it expires, and hands out copies', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await sign({ sub: 'lab-user', roles: ['lab'], labId: 'lab-1' }, { ttl: 30 });
      const first = await verifier.verify(token);
      first.roles.push('admin');
      await expect(verifier.verify(token)).resolves.toEqual({
        sub: 'lab-user',
        roles: ['lab'],
        labId: 'lab-1',
      });
      // past exp plus the 5 s tolerance: refused although it was verified before
      jest.setSystemTime(Date.now() + 36_000);
      expect(await reason(verifier.verify(token))).toBe('expired');
    } finally {
      jest.useRealTimers();
    }
  });

  it('names the variable when the key file is missing or not a key', async () => {
    await expect(
      TokenVerifier.fromSettings({ publicKeyFile: path.join(dir, 'nope.pub'), clockToleranceSeconds: 5 }),
    ).rejects.toThrow(/AUTH_PUBLIC_KEY_FILE: cannot read/);
    const junk = path.join(dir, 'junk.pub');
    writeFileSync(junk, 'not a key');
    await expect(
      TokenVerifier.fromSettings({ publicKeyFile: junk, clockToleranceSeconds: 5 }),
    ).rejects.toThrow(/is not an RSA public key/);
  });
});

describe('TokenVerifier with a JWKS URL (an OIDC provider)', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/qis/protocol/openid-connect/certs`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("verifies tokens against the provider's key set", async () => {
    const verifier = await TokenVerifier.fromSettings({
      jwksUrl: url,
      issuer: 'qis-test',
      clockToleranceSeconds: 5,
    });
    const token = await sign({ sub: 'kc-user', roles: ['planner'] }, { kid: 'k1' });
    await expect(verifier.verify(token)).resolves.toEqual({ sub: 'kc-user', roles: ['planner'] });
  });

  it('says the issuer is unavailable (not that the token is bad) when the key set cannot be fetched', async () => {
    const verifier = await TokenVerifier.fromSettings({
      jwksUrl: 'http://127.0.0.1:1/certs',
      clockToleranceSeconds: 5,
    });
    const token = await sign({ sub: 'kc-user', roles: ['planner'] }, { kid: 'k1' });
    expect(await reason(verifier.verify(token))).toBe('issuer-unavailable');
  });
});

describe('TokenVerifier with the development key and an OIDC provider (the console) side by side', () => {
  const console = pair();
  let server: Server;
  let verifier: TokenVerifier;
  const kcIssuer = 'http://127.0.0.1:18080/realms/qis';
  const signAs = (issuer: string, key: KeyObject, claims: JWTPayload) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'kc1' })
      .setIssuer(issuer)
      .setAudience('qis')
      .setExpirationTime('5m')
      .sign(key);

  beforeAll(async () => {
    const jwk = { ...(await exportJWK(console.publicKey)), kid: 'kc1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    verifier = await TokenVerifier.fromSettings({
      publicKeyFile: keyFile,
      issuer: 'qis-test',
      audience: 'qis',
      clockToleranceSeconds: 5,
      oidc: { issuer: kcIssuer, jwksUrl: `http://127.0.0.1:${port}/certs` },
    });
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("accepts each issuer's tokens signed by that issuer's key", async () => {
    await expect(verifier.verify(await sign({ sub: 'script', roles: ['admin'] }))).resolves.toEqual({
      sub: 'script',
      roles: ['admin'],
    });
    const kc = await signAs(kcIssuer, console.privateKey, {
      sub: 'u-1',
      realm_access: { roles: ['planner'] },
      jurisdiction: '330108',
    });
    await expect(verifier.verify(kc)).resolves.toEqual({
      sub: 'u-1',
      roles: ['planner'],
      jurisdiction: '330108',
    });
  });

  it("refuses a token that names one issuer but is signed with the other's key, and unknown issuers", async () => {
    // Signed by the development key but claiming to come from Keycloak: checked against Keycloak's keys.
    expect(await reason(verifier.verify(await signAs(kcIssuer, privateKey, { sub: 'forged' })))).toBe(
      'invalid',
    );
    expect(
      await reason(verifier.verify(await signAs('qis-test', console.privateKey, { sub: 'forged' }))),
    ).toBe('invalid');
    expect(
      await reason(verifier.verify(await signAs('https://evil.example', privateKey, { sub: 'x' }))),
    ).toBe('invalid');
    expect(await reason(verifier.verify('not.a.jwt'))).toBe('invalid');
  });

  it('needs AUTH_ISSUER to tell the two apart', async () => {
    await expect(
      TokenVerifier.fromSettings({
        publicKeyFile: keyFile,
        clockToleranceSeconds: 5,
        oidc: { issuer: kcIssuer, jwksUrl: 'http://127.0.0.1:1/certs' },
      }),
    ).rejects.toThrow(/AUTH_ISSUER must be set when AUTH_OIDC_ISSUER is/);
  });
});
