import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ServiceTokenSource, type ServiceTokenSettings } from './service-token';
import { TokenVerifier } from './token-verifier';

const dir = mkdtempSync(path.join(tmpdir(), 'qis-service-token-'));
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const keyFile = path.join(dir, 'dev.key');
const pubFile = path.join(dir, 'dev.pub');
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(pubFile, publicKey.export({ type: 'spki', format: 'pem' }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: ServiceTokenSettings = {
  environment: 'test',
  subject: 'service:enforcement',
  roles: ['enforcement-officer'],
  issuer: 'qis-dev',
  audience: 'qis',
};

describe('ServiceTokenSource', () => {
  it('is absent when nothing is configured (callers keep working without one)', () => {
    expect(ServiceTokenSource.fromSettings(base)).toBeUndefined();
  });

  it('signs a short-lived RS256 token with the dev private key that the services accept', async () => {
    const source = ServiceTokenSource.fromSettings({ ...base, privateKeyFile: keyFile, ttlSeconds: 120 });
    const verifier = await TokenVerifier.fromSettings({
      publicKeyFile: pubFile,
      issuer: 'qis-dev',
      audience: 'qis',
      clockToleranceSeconds: 5,
    });
    const token = (await source?.token()) as string;
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'service:enforcement',
      roles: ['enforcement-officer'],
    });
    // Cached while fresh; a new one shortly before expiry.
    expect(await source?.token()).toBe(token);
    const later = await source?.token(Date.now() + 100_000);
    expect(later).not.toBe(token);
  });

  it('refuses self-signed tokens in production and names a bad key file', async () => {
    expect(() =>
      ServiceTokenSource.fromSettings({ ...base, environment: 'production', privateKeyFile: keyFile }),
    ).toThrow(/production uses a token URL/);
    await expect(
      ServiceTokenSource.fromSettings({ ...base, privateKeyFile: pubFile })?.token(),
    ).rejects.toThrow(/not an RSA private key/);
    expect(() =>
      ServiceTokenSource.fromSettings({ ...base, privateKeyFile: keyFile, tokenUrl: 'http://x/token' }),
    ).toThrow(/not both/);
    expect(() =>
      ServiceTokenSource.fromSettings({ ...base, tokenUrl: 'http://x/token', clientId: 'a' }),
    ).toThrow(/client secret/);
  });

  describe('client credentials', () => {
    let server: Server;
    let url: string;
    const seen: Array<{ authorization?: string; body: string }> = [];
    let answer: { status: number; body: object } = { status: 200, body: {} };

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          seen.push({
            ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
            body,
          });
          res.writeHead(answer.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer.body));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('posts the grant with HTTP Basic client authentication and caches the token', async () => {
      answer = { status: 200, body: { access_token: 'opaque-1', expires_in: 300, token_type: 'Bearer' } };
      const source = ServiceTokenSource.fromSettings({
        ...base,
        environment: 'production',
        tokenUrl: url,
        clientId: 'qis-enforcement',
        clientSecret: 's3cr:et',
        scope: 'qis',
      });
      expect(source?.kind).toBe('client-credentials');
      expect(await source?.headers()).toEqual({ authorization: 'Bearer opaque-1' });
      expect(await source?.token()).toBe('opaque-1');
      expect(seen).toHaveLength(1);
      expect(seen[0]?.body).toBe('grant_type=client_credentials&scope=qis');
      expect(seen[0]?.authorization).toBe(
        `Basic ${Buffer.from('qis-enforcement:s3cr%3Aet').toString('base64')}`,
      );
    });

    it('fails with the provider error code, never the secret', async () => {
      answer = { status: 401, body: { error: 'invalid_client', error_description: 'bad secret' } };
      const source = ServiceTokenSource.fromSettings({
        ...base,
        tokenUrl: url,
        clientId: 'qis-enforcement',
        clientSecret: 'top-secret-value',
      });
      const error = (await source?.token().catch((e: Error) => e)) as Error;
      expect(error.message).toMatch(/answered 401 \(invalid_client\) for client qis-enforcement/);
      expect(error.message).not.toContain('top-secret-value');
    });
  });
});
