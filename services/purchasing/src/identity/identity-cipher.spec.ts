import { randomBytes } from 'node:crypto';
import { PurchasingConfig } from '../purchasing.config';
import { IdentityCipher } from './identity-cipher';
import { parseIdentityKeyRing } from './identity-key-ring';
import { UnknownIdentityKeyError } from './unknown-identity-key.error';

const key = (): string => randomBytes(32).toString('base64');
const cipherWith = (ring: string, active: string): IdentityCipher =>
  new IdentityCipher(
    Object.assign(new PurchasingConfig(), {
      PURCHASING_IDENTITY_KEY: ring,
      PURCHASING_ACTIVE_KEY_ID: active,
    }),
  );

describe('IdentityCipher', () => {
  const k1 = `k1:${key()}`;
  const k2 = `k2:${key()}`;

  it('round-trips a value and stores the key id in the envelope, never the plaintext', () => {
    const cipher = cipherWith(k1, 'k1');
    const sealed = cipher.encrypt('张三', 'buyer.real_name');
    expect(sealed).toMatch(/^v1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('张三');
    expect(cipher.decrypt(sealed, 'buyer.real_name')).toBe('张三');
  });

  it('uses a fresh IV each time, so equal identities give different ciphertexts', () => {
    const cipher = cipherWith(k1, 'k1');
    expect(cipher.encrypt('13800000000', 'f')).not.toBe(cipher.encrypt('13800000000', 'f'));
  });

  it('refuses a ciphertext moved to another field (associated data)', () => {
    const cipher = cipherWith(k1, 'k1');
    const sealed = cipher.encrypt('330106199001011234', 'buyer.id_number');
    expect(() => cipher.decrypt(sealed, 'buyer.phone')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = cipherWith(k1, 'k1');
    const parts = cipher.encrypt('张三', 'f').split('.');
    parts[4] = Buffer.from('x').toString('base64url') + parts[4].slice(2);
    expect(() => cipher.decrypt(parts.join('.'), 'f')).toThrow();
  });

  it('reads values of an old key after the active key changed, and re-encrypts them to the new one', () => {
    const old = cipherWith(k1, 'k1').encrypt('李四', 'f');
    const rotated = cipherWith(`${k1},${k2}`, 'k2');
    expect(rotated.decrypt(old, 'f')).toBe('李四');
    const again = rotated.reencrypt(old, 'f');
    expect(IdentityCipher.keyIdOf(again)).toBe('k2');
    expect(cipherWith(k2, 'k2').decrypt(again, 'f')).toBe('李四');
  });

  it('names the missing key when a value was sealed with a key dropped from the ring', () => {
    const old = cipherWith(k1, 'k1').encrypt('李四', 'f');
    expect(() => cipherWith(k2, 'k2').decrypt(old, 'f')).toThrow(UnknownIdentityKeyError);
  });
});

describe('parseIdentityKeyRing', () => {
  it('names each bad entry without repeating key material', () => {
    const { problems } = parseIdentityKeyRing('k1:c2hvcnQ=,:abc,k1:notbase64!!');
    expect(problems).toEqual([
      'key k1: must be 32 bytes in base64',
      "entry 2: key id must be 1-32 letters, digits, '-' or '_' before ':'",
      'key k1: must be 32 bytes in base64',
    ]);
    expect(problems.join(' ')).not.toContain('c2hvcnQ');
  });
});
