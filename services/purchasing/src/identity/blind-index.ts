import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PurchasingConfig } from '../purchasing.config';

/** The same ID number however it was typed: no spaces, upper-case check character. */
export const normaliseIdNumber = (idNumber: string): string => idNumber.replace(/\s+/g, '').toUpperCase();

/**
 * Keyed HMAC-SHA256 of a buyer's normalised ID number: a unique index refuses a second
 * registration of the same person without decrypting anything. Without the key the index says
 * nothing (ID numbers are guessable, so a plain hash would not do). Never logged.
 */
@Injectable()
export class BlindIndex {
  private readonly key: Buffer;

  constructor(config: PurchasingConfig) {
    this.key = Buffer.from(config.PURCHASING_BLIND_INDEX_KEY, 'base64');
    if (this.key.length !== 32) throw new Error('PURCHASING_BLIND_INDEX_KEY must be 32 bytes in base64');
  }

  idNumber(idNumber: string): string {
    return createHmac('sha256', this.key)
      .update(`buyer.id_number|${normaliseIdNumber(idNumber)}`, 'utf8')
      .digest('base64url');
  }
}
