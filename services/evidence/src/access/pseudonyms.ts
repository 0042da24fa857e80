import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EvidenceConfig } from '../evidence.config';

/** Service accounts (`service:enforcement`) are not people: they stay as they are. */
const SERVICE_SUBJECT = /^service:/;

/**
 * Stable pseudonyms of login subjects: a keyed HMAC, so the same buyer's uploads can be told apart
 * from another's without revealing (or letting anyone without the key recompute) who they are.
 */
@Injectable()
export class Pseudonyms {
  constructor(@Inject(EvidenceConfig) private readonly config: EvidenceConfig) {}

  of(subject: string): string {
    if (SERVICE_SUBJECT.test(subject)) return subject;
    const mac = createHmac('sha256', this.config.EVIDENCE_PSEUDONYM_KEY).update(subject).digest('hex');
    return `U-${mac.slice(0, 16).toUpperCase()}`;
  }
}
