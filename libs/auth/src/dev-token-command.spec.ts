import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROLES } from './roles';
import { TokenVerifier } from './token-verifier';

const run = promisify(execFile);
const script = path.resolve(__dirname, '../../../tools/token/token.js');
const dir = mkdtempSync(path.join(tmpdir(), 'qis-token-'));
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(path.join(dir, 'dev.key'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
writeFileSync(path.join(dir, 'dev.pub'), publicKey.export({ type: 'spki', format: 'pem' }));

const token = async (...args: string[]): Promise<string> =>
  (await run(process.execPath, [script, '--key', path.join(dir, 'dev.key'), ...args])).stdout.trim();

describe('npm run token (tools/token/token.js)', () => {
  let verifier: TokenVerifier;
  beforeAll(async () => {
    verifier = await TokenVerifier.fromSettings({
      publicKeyFile: path.join(dir, 'dev.pub'),
      issuer: 'qis-dev',
      audience: 'qis',
      clockToleranceSeconds: 5,
    });
  });

  it('mints an RS256 token the services accept, with roles and scope claims', async () => {
    const lab = await token('--role', 'lab', '--lab-id', 'L001', '--ttl', '1h');
    await expect(verifier.verify(lab)).resolves.toEqual({ sub: 'dev-lab', roles: ['lab'], labId: 'L001' });
    const officer = await token(
      '--role',
      'enforcement-officer',
      '--role',
      'auditor',
      '--jurisdiction',
      '330100',
      '--sub',
      'officer-1',
    );
    await expect(verifier.verify(officer)).resolves.toEqual({
      sub: 'officer-1',
      roles: ['enforcement-officer', 'auditor'],
      jurisdiction: '330100',
    });
  });

  it('knows exactly the roles the services know', async () => {
    const claims = { '--lab-id': 'L1', '--platform-id': 'P1', '--jurisdiction': '330102' };
    const all = await token('--role', ROLES.join(','), ...Object.entries(claims).flat());
    expect((await verifier.verify(all)).roles).toEqual([...ROLES]);
    await expect(token('--role', 'superuser')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown role "superuser"/),
    });
  });

  it('refuses a lab token without its lab and a malformed jurisdiction', async () => {
    await expect(token('--role', 'lab')).rejects.toMatchObject({
      stderr: expect.stringMatching(/needs --lab-id/),
    });
    await expect(token('--role', 'enforcement-officer', '--jurisdiction', '3301')).rejects.toMatchObject({
      stderr: expect.stringMatching(/six-digit GB\/T 2260 code/),
    });
  });
});
