import { Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { FieldError } from '@qis/contracts';
import { PurchasingConfig } from '../purchasing.config';
import type { EvidenceItem } from './evidence-item';

interface EvidenceObjectMetadata {
  kind?: string;
  status?: string;
  batchNumber?: string | null;
}

/**
 * Checks each evidence item against the evidence service (`GET /evidence/objects/{id}`, with the
 * caller's own token): it exists, was finalized (`stored`, hashed by that service), is of the
 * declared kind and belongs to this batch. Without `EVIDENCE_URL` nothing is checked.
 */
@Injectable()
export class EvidenceVerifier {
  constructor(private readonly config: PurchasingConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.EVIDENCE_URL);
  }

  async problems(
    batchNumber: string,
    items: readonly EvidenceItem[],
    authorization: string,
  ): Promise<FieldError[]> {
    if (!this.config.EVIDENCE_URL) return [];
    const base = this.config.EVIDENCE_URL.replace(/\/+$/, '');
    const problems: FieldError[] = [];
    for (const [index, item] of items.entries()) {
      const field = `evidence[${index}]`;
      let res: Response;
      try {
        res = await fetch(`${base}/evidence/objects/${item.objectId}`, {
          headers: { authorization },
          signal: AbortSignal.timeout(10_000),
        });
      } catch {
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'the evidence service cannot be reached to verify the evidence package; try again',
        });
      }
      if (res.status === 404 || res.status === 403) {
        problems.push({ field, reasons: [`evidence object ${item.objectId} not found`] });
        continue;
      }
      if (!res.ok)
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'Service Unavailable',
          message: `the evidence service answered ${res.status} while verifying the evidence package`,
        });
      const meta = (await res.json()) as EvidenceObjectMetadata;
      const reasons: string[] = [];
      if (meta.status !== 'stored')
        reasons.push(`evidence object ${item.objectId} is not finalized (${meta.status})`);
      if (meta.kind !== item.kind)
        reasons.push(`evidence object ${item.objectId} is a ${meta.kind}, not a ${item.kind}`);
      if (meta.batchNumber !== batchNumber)
        reasons.push(
          `evidence object ${item.objectId} belongs to batch ${meta.batchNumber ?? 'none'}, not ${batchNumber}`,
        );
      if (reasons.length > 0) problems.push({ field, reasons });
    }
    return problems;
  }
}
