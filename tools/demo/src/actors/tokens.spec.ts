import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';
import { persona, pkcs8TokenSource } from './tokens';

describe('pkcs8TokenSource', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'qis-demo-key-')), 'dev-jwt.key');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));

  it('signs RS256 tokens with sub, roles and scope claims for the dev issuer and audience', async () => {
    const token = await pkcs8TokenSource(keyFile)(persona.lab('7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d'));
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      issuer: 'qis-dev',
      audience: 'qis',
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: 'lab-user-7a6b5c4d',
      roles: ['lab'],
      labId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    });
    expect(payload).not.toHaveProperty('jurisdiction');
  });

  it('reuses a token for the same claims and takes issuer and audience from the options', async () => {
    const source = pkcs8TokenSource(keyFile, { issuer: 'qis-demo', audience: 'qis-x', ttlSeconds: 600 });
    const officer = persona.enforcementOfficer('330110');
    const first = await source(officer);
    expect(await source({ ...officer })).toBe(first);
    expect(await source(persona.enforcementOfficer('330106'))).not.toBe(first);
    const { payload } = await jwtVerify(first, publicKey, { issuer: 'qis-demo', audience: 'qis-x' });
    expect(payload['exp'] as number).toBe((payload['iat'] as number) + 600);
  });
});
