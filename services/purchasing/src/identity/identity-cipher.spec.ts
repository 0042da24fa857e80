import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
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

/** A value as the service wrote it before row binding: `v1`, the field alone as associated data. */
const legacyEnvelope = (ring: string, plaintext: string, field: string): string => {
  const [kid, material] = ring.split(':');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(material, 'base64'), iv);
  cipher.setAAD(Buffer.from(field, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', kid, iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
};

describe('IdentityCipher', () => {
  const k1 = `k1:${key()}`;
  const k2 = `k2:${key()}`;
  const row = randomUUID();

  it('round-trips a value and stores the key id in the envelope, never the plaintext', () => {
    const cipher = cipherWith(k1, 'k1');
    const sealed = cipher.encrypt('张三', 'buyer.real_name', row);
    expect(sealed).toMatch(/^v2\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('张三');
    expect(cipher.decrypt(sealed, 'buyer.real_name', row)).toBe('张三');
  });

  it('uses a fresh IV each time, so equal identities give different ciphertexts', () => {
    const cipher = cipherWith(k1, 'k1');
    expect(cipher.encrypt('13800000000', 'f', row)).not.toBe(cipher.encrypt('13800000000', 'f', row));
  });

  it('refuses a ciphertext moved to another field (associated data)', () => {
    const cipher = cipherWith(k1, 'k1');
    const sealed = cipher.encrypt('330106199001011234', 'buyer.id_number', row);
    expect(() => cipher.decrypt(sealed, 'buyer.phone', row)).toThrow();
  });

  it("refuses a ciphertext copied into another buyer's row, same field (associated data)", () => {
    const cipher = cipherWith(k1, 'k1');
    const victim = randomUUID();
    const accomplice = randomUUID();
    const sealed = cipher.encrypt('330106199001011234', 'buyer.id_number', victim);
    expect(cipher.decrypt(sealed, 'buyer.id_number', victim)).toBe('330106199001011234');
    expect(() => cipher.decrypt(sealed, 'buyer.id_number', accomplice)).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = cipherWith(k1, 'k1');
    const parts = cipher.encrypt('张三', 'f', row).split('.');
    parts[4] = Buffer.from('x').toString('base64url') + parts[4].slice(2);
    expect(() => cipher.decrypt(parts.join('.'), 'f', row)).toThrow();
  });

  it('refuses a v2 ciphertext relabelled v1 to shed its row binding', () => {
    const cipher = cipherWith(k1, 'k1');
    const sealed = cipher.encrypt('张三', 'f', row);
    expect(() => cipher.decrypt(sealed.replace(/^v2\./, 'v1.'), 'f', randomUUID())).toThrow();
  });

  it('still reads a v1 value (field-bound only) and re-encrypts it bound to its row', () => {
    const cipher = cipherWith(k1, 'k1');
    const old = legacyEnvelope(k1, '王五', 'buyer.real_name');
    expect(cipher.decrypt(old, 'buyer.real_name', row)).toBe('王五');
    const bound = cipher.reencrypt(old, 'buyer.real_name', row);
    expect(bound).toMatch(/^v2\.k1\./);
    expect(cipher.decrypt(bound, 'buyer.real_name', row)).toBe('王五');
    expect(() => cipher.decrypt(bound, 'buyer.real_name', randomUUID())).toThrow();
    expect(cipher.reencrypt(bound, 'buyer.real_name', row)).toBe(bound);
  });

  it('reads values of an old key after the active key changed, and re-encrypts them to the new one', () => {
    const old = cipherWith(k1, 'k1').encrypt('李四', 'f', row);
    const rotated = cipherWith(`${k1},${k2}`, 'k2');
    expect(rotated.decrypt(old, 'f', row)).toBe('李四');
    const again = rotated.reencrypt(old, 'f', row);
    expect(IdentityCipher.keyIdOf(again)).toBe('k2');
    expect(cipherWith(k2, 'k2').decrypt(again, 'f', row)).toBe('李四');
  });

  it('names the missing key when a value was sealed with a key dropped from the ring', () => {
    const old = cipherWith(k1, 'k1').encrypt('李四', 'f', row);
    expect(() => cipherWith(k2, 'k2').decrypt(old, 'f', row)).toThrow(UnknownIdentityKeyError);
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
