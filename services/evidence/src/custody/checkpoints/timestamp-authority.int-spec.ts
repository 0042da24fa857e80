import { startOpensslTsa, type OpensslTsa } from '@qis/testing';
import type { EvidenceConfig } from '../../evidence.config';
import { requestNonce, TimestampAuthority } from './timestamp-authority';

/**
 * The request to a real RFC 3161 TSA (Debian's `openssl ts -reply`, which parses DER strictly):
 * every nonce the random bytes can give is one it accepts and echoes.
 */
describe('TimestampAuthority against openssl ts', () => {
  let tsa: OpensslTsa;
  let authority: TimestampAuthority;

  beforeAll(async () => {
    tsa = await startOpensslTsa();
    authority = new TimestampAuthority({
      EVIDENCE_TSA_URL: tsa.url,
      EVIDENCE_TSA_CERT_FILE: tsa.certFile,
    } as EvidenceConfig);
  });
  afterAll(async () => {
    await tsa?.stop();
  });

  it.each([
    ['an ordinary first byte', '3a94010203040506'],
    ['a first byte of 0x00 before a small one (was refused as a malformed request)', '0034010203040506'],
    ['a first byte of 0x80 before a small one (its top bit cleared: 0x00 again)', '8034010203040506'],
    ['a first byte of 0x00 before a large one', '0094010203040506'],
    ['all zero', '0000000000000000'],
    ['all ones', 'ffffffffffffffff'],
  ])('has a token granted and verified for a nonce from %s', async (_, random) => {
    const nonce = requestNonce(Buffer.from(random, 'hex'));
    const statement = Buffer.from(`custody head ${random}`);
    const token = await authority.stamp(statement, nonce);
    expect(token.genTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await authority.verify(token.token, statement)).toBeNull();
  });

  it('makes nonces that are positive minimal DER integers of 8 bytes', () => {
    for (const random of ['0034010203040506', '8000000000000000', 'ff11223344556677', '7f00000000000000']) {
      const nonce = requestNonce(Buffer.from(random, 'hex'));
      expect(nonce).toHaveLength(8);
      expect(nonce[0]).toBeGreaterThanOrEqual(0x01);
      expect(nonce[0]).toBeLessThanOrEqual(0x7f);
      expect(nonce.subarray(1)).toEqual(Buffer.from(random, 'hex').subarray(1));
    }
    expect(requestNonce()).not.toEqual(requestNonce());
  });
});
