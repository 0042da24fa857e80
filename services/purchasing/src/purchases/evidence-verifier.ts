import { Injectable } from '@nestjs/common';
import type { FieldError } from '@qis/contracts';
import { EvidenceReferenceChecker } from '@qis/evidence-client';
import { PurchasingConfig } from '../purchasing.config';
import type { EvidenceItem } from '../kernel/evidence-item';

/**
 * Checks each evidence item against the evidence service with the caller's own token (exists,
 * finalized, of the declared kind, of this batch; `@qis/evidence-client`). Without `EVIDENCE_URL`
 * nothing is checked.
 */
@Injectable()
export class EvidenceVerifier {
  private readonly checker: EvidenceReferenceChecker;

  constructor(config: PurchasingConfig) {
    this.checker = new EvidenceReferenceChecker(config.EVIDENCE_URL);
  }

  get enabled(): boolean {
    return this.checker.enabled;
  }

  problems(
    batchNumber: string,
    items: readonly EvidenceItem[],
    authorization: string,
  ): Promise<FieldError[]> {
    return this.checker.problems(
      items.map((item, index) => ({
        field: `evidence[${index}]`,
        objectId: item.objectId,
        kind: item.kind,
        batchNumber,
      })),
      authorization,
    );
  }
}
