import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PurchasingConfig } from '../purchasing.config';
import { parseIdentityKeyRing, type IdentityKey } from './identity-key-ring';
import { UnknownIdentityKeyError } from './unknown-identity-key.error';

/** `v2`: field and row id are the associated data. `v1` (field only) is still read, never written. */
const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
const b64u = (b: Buffer): string => b.toString('base64url');

/** Where a value lives: a ciphertext copied to another field or row does not decrypt. */
const associatedData = (version: string, field: string, rowId: string): Buffer =>
  Buffer.from(version === LEGACY_VERSION ? field : `${field}|${rowId}`, 'utf8');

/**
 * Application-level encryption of buyer identities (AES-256-GCM). Every value is an envelope
 * `v2.<kid>.<iv>.<tag>.<ciphertext>` so keys can rotate; the field name and the row id are bound
 * as associated data, so a ciphertext moved to another column or another row does not decrypt.
 * Envelopes of version `v1` (field only) still decrypt until a rotation re-encrypts them as `v2`.
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

  /** The envelope prefix every value has once it is current (active key, row-bound format). */
  get currentPrefix(): string {
    return `${VERSION}.${this.activeKeyId}.`;
  }

  encrypt(plaintext: string, field: string, rowId: string): string {
    const key = this.keys.get(this.activeKeyId) as Buffer;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(associatedData(VERSION, field, rowId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.activeKeyId, b64u(iv), b64u(cipher.getAuthTag()), b64u(ciphertext)].join('.');
  }

  decrypt(envelope: string, field: string, rowId: string): string {
    const [version, kid, iv, tag, ciphertext, ...rest] = envelope.split('.');
    if (
      (version !== VERSION && version !== LEGACY_VERSION) ||
      rest.length > 0 ||
      !kid ||
      !iv ||
      !tag ||
      ciphertext === undefined
    )
      throw new Error(`not an identity envelope (${field})`);
    const key = this.keys.get(kid);
    if (!key) throw new UnknownIdentityKeyError(kid);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(associatedData(version, field, rowId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** The key id an envelope was written with. */
  static keyIdOf(envelope: string): string {
    return envelope.split('.')[1] ?? '';
  }

  /** Same plaintext, sealed with the active key and bound to its row (a no-op for current values). */
  reencrypt(envelope: string, field: string, rowId: string): string {
    if (envelope.startsWith(this.currentPrefix)) return envelope;
    return this.encrypt(this.decrypt(envelope, field, rowId), field, rowId);
  }
}
