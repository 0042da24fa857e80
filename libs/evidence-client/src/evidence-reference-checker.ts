import { ServiceUnavailableException } from '@nestjs/common';
import { context, propagation } from '@opentelemetry/api';
import type { FieldError } from '@qis/contracts';
import type { EvidenceReference } from './evidence-reference';

interface EvidenceObjectMetadata {
  kind?: string;
  status?: string;
  batchNumber?: string | null;
}

const unavailable = (message: string) =>
  new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message });

/**
 * Checks evidence references against the evidence service (`GET /evidence/objects/{id}`, with the
 * caller's own token): each object exists, was finalized (`stored`, hashed by that service), is of
 * the expected kind and belongs to the batch. Without a base URL nothing is checked.
 */
export class EvidenceReferenceChecker {
  private readonly base: string | null;

  constructor(
    evidenceUrl: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = evidenceUrl ? evidenceUrl.replace(/\/+$/, '') : null;
  }

  get enabled(): boolean {
    return this.base !== null;
  }

  /** Every reason, per field, why a referenced object does not fit; `[]` when all fit. */
  async problems(references: readonly EvidenceReference[], authorization: string): Promise<FieldError[]> {
    if (this.base === null) return [];
    const problems: FieldError[] = [];
    for (const ref of references) {
      const reasons = await this.reasons(this.base, ref, authorization);
      if (reasons.length > 0) problems.push({ field: ref.field, reasons });
    }
    return problems;
  }

  private async reasons(base: string, ref: EvidenceReference, authorization: string): Promise<string[]> {
    const { objectId } = ref;
    let res: Response;
    try {
      // The caller's trace goes on at the evidence service (fetch is not instrumented).
      const headers: Record<string, string> = { authorization };
      propagation.inject(context.active(), headers);
      res = await fetch(`${base}/evidence/objects/${encodeURIComponent(objectId)}`, {
        headers,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw unavailable('the evidence service cannot be reached to verify the evidence; try again');
    }
    // 403: the caller may not see it, which for the caller is the same as not there.
    if (res.status === 404 || res.status === 403) return [`evidence object ${objectId} not found`];
    if (!res.ok)
      throw unavailable(`the evidence service answered ${res.status} while verifying the evidence`);
    const meta = (await res.json()) as EvidenceObjectMetadata;
    const reasons: string[] = [];
    if (meta.status !== 'stored')
      reasons.push(`evidence object ${objectId} is not finalized (${meta.status})`);
    if (meta.kind !== ref.kind)
      reasons.push(`evidence object ${objectId} is a ${meta.kind}, not a ${ref.kind}`);
    if (meta.batchNumber !== ref.batchNumber)
      reasons.push(
        `evidence object ${objectId} belongs to batch ${meta.batchNumber ?? 'none'}, not ${ref.batchNumber}`,
      );
    return reasons;
  }
}
