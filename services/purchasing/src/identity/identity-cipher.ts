import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PurchasingConfig } from '../purchasing.config';
import { parseIdentityKeyRing, type IdentityKey } from './identity-key-ring';
import { UnknownIdentityKeyError } from './unknown-identity-key.error';

const VERSION = 'v1';
const b64u = (b: Buffer): string => b.toString('base64url');

/**
 * Application-level encryption of buyer identities (AES-256-GCM). Every value is an envelope
 * `v1.<kid>.<iv>.<tag>.<ciphertext>` so keys can rotate; the field name is bound as associated
 * data, so a ciphertext moved to another column does not decrypt.
 */
@Injectable()
export class IdentityCipher {
  private readonly keys: Map<string, Buffer>;
  readonly activeKeyId: string;

  constructor(config: PurchasingConfig) {
    const { keys, problems } = parseIdentityKeyRing(config.PURCHASING_IDENTITY_KEY);
    if (problems.length > 0) throw new Error(`PURCHASING_IDENTITY_KEY: ${problems.join('; ')}`);
    this.keys = new Map(keys.map((k: IdentityKey) => [k.kid, k.key]));
    if (!this.keys.has(config.PURCHASING_ACTIVE_KEY_ID))
      throw new Error('PURCHASING_ACTIVE_KEY_ID names no key of PURCHASING_IDENTITY_KEY');
    this.activeKeyId = config.PURCHASING_ACTIVE_KEY_ID;
  }

  encrypt(plaintext: string, field: string): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.activeKeyId, b64u(iv), b64u(cipher.getAuthTag()), b64u(ciphertext)].join('.');
  }

  decrypt(envelope: string, field: string): string {
    const [version, kid, iv, tag, ciphertext, ...rest] = envelope.split('.');
    if (version !== VERSION || rest.length > 0 || !kid || !iv || !tag || ciphertext === undefined)
      throw new Error(`not an identity envelope (${field})`);
    const key = this.keys.get(kid);
    if (!key) throw new UnknownIdentityKeyError(kid);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(field, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** The key id an envelope was written with. */
  static keyIdOf(envelope: string): string {
    return envelope.split('.')[1] ?? '';
  }

  /** Same plaintext, sealed with the active key (a no-op for values already under it). */
  reencrypt(envelope: string, field: string): string {
    if (IdentityCipher.keyIdOf(envelope) === this.activeKeyId) return envelope;
    return this.encrypt(this.decrypt(envelope, field), field);
  }
}
